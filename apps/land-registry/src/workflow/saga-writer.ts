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

  /** One step of the dossier (an event's, or the delay watch's); nothing is read back. */
  async run(
    code: string,
    decide: (d: Dossier) => Transition | null,
    eventId?: string,
  ): Promise<void> {
    await this.step(code, decide, eventId);
  }

  /** An officer's step: the dossier as it is after it, for the officer's screen. */
  async runAndRead(code: string, decide: (d: Dossier) => Transition | null): Promise<Dossier> {
    const { dossier, written } = await this.step(code, decide);
    return written ? ((await this.dossiers.find(code)) ?? dossier) : dossier;
  }

  private async step(
    code: string,
    decide: (d: Dossier) => Transition | null,
    eventId?: string,
  ): Promise<{ dossier: Dossier; written: boolean }> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const dossier = await this.dossiers.find(code);
      if (!dossier) throw new DossierNotFoundException();
      if (eventId && dossier.handledEvents.includes(eventId)) return { dossier, written: false };
      const transition = decide(dossier);
      if (!transition) return { dossier, written: false };
      const written = await this.dossiers.write(
        dossier,
        this.update(dossier, transition),
        this.entries(code, transition),
        eventId,
      );
      if (written) dossierMetrics.transitioned(dossier, transition.status);
      if (written) return { dossier, written: true };
    }
    throw new Error(`dossier ${code} kept changing; giving up this attempt (it will be retried)`);
  }

  private update(d: Dossier, t: Transition): UpdateQuery<Dossier> {
    const pauses = t.pauses ?? d.pauses;
    const set: Partial<Dossier> = {
      ...(t.set ?? {}),
      ...(t.status ? { status: t.status } : {}),
      ...(t.heldBy ? { heldBy: t.heldBy } : {}),
      ...(t.pauses
        ? { pauses, dueAt: currentDeadline(d.receivedAt, d.workingDaysAllowed, pauses) }
        : {}),
    };
    const push = {
      ...(t.timeline.length > 0 ? { timeline: { $each: t.timeline } } : {}),
    };
    return { $set: set, ...(Object.keys(push).length > 0 ? { $push: push } : {}) };
  }

  private entries(code: string, t: Transition) {
    return t.emit.map((e) => this.events.create(e.topic, code, e.payload as never));
  }
}
