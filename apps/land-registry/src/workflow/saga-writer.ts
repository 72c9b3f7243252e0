import { Injectable } from '@nestjs/common';
import { UpdateQuery } from 'mongoose';
import { EventFactory } from '@lien-thong/messaging';
import { dossierMetrics } from '@lien-thong/platform';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { DossierNotFoundException } from '../dossiers/dossiers.exceptions';
import { Dossier } from '../dossiers/dossier';
import { currentDeadline } from '../dossiers/deadlines';
import { Transition } from './transition';

/**
 * Reads a dossier, lets a pure decision say what changes, and writes it with its events in
 * one atomic, optimistic write; if someone else changed the dossier in between, it reads
 * and decides again. A step caused by an event is applied at most once per event.
 */
@Injectable()
export class SagaWriter {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly events: EventFactory,
  ) {}

  /**
   * One step of the dossier (an event's, the delay watch's, or an officer's). Returns the
   * dossier as it is after the step, worked out from the dossier read and the write made
   * (the write only applied if nobody changed the dossier since, see below), so nothing is
   * read back. `known`: the dossier the caller has just read, used instead of a first read
   * (if it is stale, the write does not apply and the dossier is read again).
   */
  async run(
    code: string,
    decide: (d: Dossier) => Transition | null,
    eventId?: string,
    known?: Dossier,
  ): Promise<Dossier> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const dossier = (attempt === 0 ? known : undefined) ?? (await this.dossiers.find(code));
      if (!dossier) throw new DossierNotFoundException();
      if (eventId && dossier.handledEvents.includes(eventId)) return dossier;
      const transition = decide(dossier);
      if (!transition) return dossier;
      const step = this.step(dossier, transition, eventId);
      const written = await this.dossiers.write(dossier, step.update, step.events, eventId);
      if (!written) continue;
      dossierMetrics.transitioned(dossier, transition.status);
      return step.after;
    }
    throw new Error(`dossier ${code} kept changing; giving up this attempt (it will be retried)`);
  }

  /**
   * The write of one transition, and the dossier after it: the same $set and pushes applied
   * to the dossier it was decided on, which the write's rev check guarantees is what is
   * stored (handledEvents keeps the last 200 as the write does). Its outbox is left as read:
   * the relay empties it on its own, and nothing reads it from here.
   */
  private step(d: Dossier, t: Transition, eventId?: string) {
    const pauses = t.pauses ?? d.pauses;
    const set: Partial<Dossier> = {
      ...(t.set ?? {}),
      ...(t.status ? { status: t.status } : {}),
      ...(t.heldBy ? { heldBy: t.heldBy } : {}),
      ...(t.pauses
        ? { pauses, dueAt: currentDeadline(d.receivedAt, d.workingDaysAllowed, pauses) }
        : {}),
    };
    const update: UpdateQuery<Dossier> = {
      $set: set,
      ...(t.timeline.length > 0 ? { $push: { timeline: { $each: t.timeline } } } : {}),
    };
    const events = this.entries(d._id, t);
    const after: Dossier = {
      ...d,
      ...set,
      timeline: [...d.timeline, ...t.timeline],
      rev: d.rev + 1,
      handledEvents: eventId ? [...d.handledEvents, eventId].slice(-200) : d.handledEvents,
    };
    return { update, events, after };
  }

  private entries(code: string, t: Transition) {
    return t.emit.map((e) => this.events.create(e.topic, code, e.payload as never));
  }
}
