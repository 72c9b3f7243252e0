import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, UpdateQuery } from 'mongoose';
import {
  MAX_STATEMENTS_PER_COMMAND,
  OutboxEntry,
  OutboxRelay,
  OutboxSnapshot,
  OutboxStore,
} from '@lien-thong/messaging';
import { dossierMetrics } from '@lien-thong/platform';
import type { Agency } from '@lien-thong/contracts';
import { DossierNotFoundException } from './dossiers.exceptions';
import { Dossier, DossierRecord, DossierStatus, UNFINISHED } from './schemas/dossier.schema';

export type NewDossier = Omit<Dossier, 'outbox' | 'rev' | 'handledEvents'>;

@Injectable()
export class DossiersRepository {
  private readonly store: OutboxStore<Dossier>;

  constructor(
    @InjectModel(DossierRecord.name) private readonly dossiers: Model<Dossier>,
    relay: OutboxRelay,
  ) {
    this.store = new OutboxStore(dossiers, relay);
  }

  /** The dossier, or 404 exactly as for a code that does not exist. */
  async existing(code: string): Promise<Dossier> {
    const dossier = await this.find(code);
    if (!dossier) throw new DossierNotFoundException();
    return dossier;
  }

  find(code: string): Promise<Dossier | null> {
    return this.dossiers.findById(code).lean<Dossier>();
  }

  /** Writes a new dossier with its first events; false when one with its code exists. */
  async create(dossier: NewDossier, events: OutboxEntry[]): Promise<boolean> {
    const created = await this.store.create({ ...dossier, rev: 0, handledEvents: [] }, events);
    if (created) dossierMetrics.received(dossier);
    return created;
  }

  /**
   * Writes one step atomically with its events, only if nobody else changed the dossier
   * since it was read (rev) and, for a step caused by an event, only once per event.
   * Returns false when the dossier changed meanwhile: the caller re-reads and decides again.
   */
  async write(
    d: Dossier,
    update: UpdateQuery<Dossier>,
    events: OutboxEntry[],
    eventId?: string,
  ): Promise<boolean> {
    const u = update as Record<string, Record<string, unknown> | undefined>;
    const full = {
      ...update,
      $inc: { ...(u.$inc ?? {}), rev: 1 },
      ...(eventId
        ? { $push: { ...(u.$push ?? {}), handledEvents: { $each: [eventId], $slice: -200 } } }
        : {}),
    } as UpdateQuery<Dossier>;
    const filter = {
      _id: d._id,
      rev: d.rev,
      ...(eventId ? { handledEvents: { $ne: eventId } } : {}),
    };
    const result = await this.store.update(filter, full, events, outboxAfter(d, events));
    return result.matchedCount > 0;
  }

  /** Unfinished dossiers on a parcel (a hold placed on it must stop them). */
  activeOnParcel(
    communeCode: string,
    mapSheetNumber: number,
    parcelNumber: number,
  ): Promise<Dossier[]> {
    return this.dossiers
      .find({
        'parcel.ref.communeCode': communeCode,
        'parcel.ref.mapSheetNumber': mapSheetNumber,
        'parcel.ref.parcelNumber': parcelNumber,
        status: { $in: UNFINISHED },
      })
      .lean<Dossier[]>();
  }

  inStatus(statuses: readonly DossierStatus[], limit = 1000): Promise<Dossier[]> {
    return this.dossiers
      .find({ status: { $in: statuses } })
      .limit(limit)
      .lean<Dossier[]>();
  }

  /** Running dossiers in these steps not yet marked as waiting for an agency (ids only). */
  notWaitingIn(statuses: readonly DossierStatus[]): Promise<{ _id: string }[]> {
    return this.dossiers
      .find({ status: { $in: statuses }, waitingFor: null }, { _id: 1 })
      .lean<{ _id: string }[]>();
  }

  /** Dossiers marked as waiting for this agency (ids only). */
  waitingFor(agency: Agency): Promise<{ _id: string }[]> {
    return this.dossiers
      .find({ status: { $in: UNFINISHED }, 'waitingFor.agency': agency }, { _id: 1 })
      .lean<{ _id: string }[]>();
  }

  /** Dossiers with an agency past its inter-agency deadline, not flagged yet. */
  overdueHandoffs(now: Date, limit = 1000): Promise<Dossier[]> {
    return this.dossiers
      .find({
        status: { $in: UNFINISHED },
        'handoff.dueAt': { $lt: now },
        'handoff.lateFlaggedAt': null,
      })
      .limit(limit)
      .lean<Dossier[]>();
  }

  /** Per agency: dossiers of a unit with it past its deadline now, and late answers so far. */
  async lateByAgency(unit: string, now: Date) {
    const [overdue, answeredLate] = await Promise.all([
      this.dossiers.aggregate<{ _id: string; count: number }>([
        { $match: { ...ofUnit(unit), 'handoff.dueAt': { $lt: now } } },
        { $group: { _id: '$handoff.agency', count: { $sum: 1 } } },
      ]),
      this.dossiers.aggregate<{ _id: string; count: number }>([
        { $match: { ...ofUnit(unit), 'lateHandoffs.0': { $exists: true } } },
        { $unwind: '$lateHandoffs' },
        { $group: { _id: '$lateHandoffs.agency', count: { $sum: 1 } } },
      ]),
    ]);
    const counts = (rows: { _id: string; count: number }[]) =>
      Object.fromEntries(rows.map((r) => [r._id, r.count]));
    return { overdueNow: counts(overdue), answeredLate: counts(answeredLate) };
  }

  /** Approved dossiers whose cadastral book update has not been confirmed yet. */
  cadastralPending(limit = 100): Promise<Dossier[]> {
    return this.dossiers.find({ cadastralPending: true }).limit(limit).lean<Dossier[]>();
  }

  /**
   * Confirms the cadastral book update of these dossiers (`cadastralPending` cleared), one
   * command per MAX_STATEMENTS_PER_COMMAND of them, each under its dossier's lock as every
   * conditional write. `rev` is left alone: no step decides on the flag, and a step racing
   * this writes only what it changes.
   */
  async confirmCadastral(codes: string[]): Promise<void> {
    for (let i = 0; i < codes.length; i += MAX_STATEMENTS_PER_COMMAND) {
      const chunk = codes.slice(i, i + MAX_STATEMENTS_PER_COMMAND);
      await this.store.lockedAll(chunk, () =>
        this.dossiers.bulkWrite(
          chunk.map((code) => ({
            updateOne: {
              filter: { _id: code, cadastralPending: true },
              update: { $set: { cadastralPending: false } },
            },
          })),
          { ordered: false },
        ),
      );
    }
  }

  /** The land office's work of a unit (and its branches) in these steps, oldest first. */
  ofUnitIn(unit: string, statuses: readonly DossierStatus[], limit = 200): Promise<Dossier[]> {
    return this.dossiers
      .find({ ...ofUnit(unit), status: { $in: statuses } })
      .sort({ receivedAt: 1 })
      .limit(limit)
      .lean<Dossier[]>();
  }

  /** How many dossiers of a unit (and its branches) wait for each agency that is down. */
  countWaitingByAgency(unit: string): Promise<{ _id: string; count: number }[]> {
    return this.dossiers.aggregate<{ _id: string; count: number }>([
      { $match: { ...ofUnit(unit), waitingFor: { $ne: null } } },
      { $group: { _id: '$waitingFor.agency', count: { $sum: 1 } } },
    ]);
  }

  countBy(
    field: 'status' | 'heldBy' | 'procedure',
    unit: string,
  ): Promise<{ _id: string; count: number }[]> {
    return this.dossiers.aggregate<{ _id: string; count: number }>([
      { $match: ofUnit(unit) },
      { $group: { _id: `$${field}`, count: { $sum: 1 } } },
    ]);
  }
}

/** The dossiers a unit covers: its own and its branches' ("01" covers "01/CN-…"). */
function ofUnit(unit: string) {
  return { $or: [{ unit }, { unit: { $gt: `${unit}/`, $lt: `${unit}0` } }] };
}

/**
 * The dossier's outbox as a write that applied leaves it: the write only applies if `rev` is
 * what was read, and every write that appends events bumps `rev`, so it holds what was read
 * plus the new events (saves the relay reading the dossier back). The relay's marking may
 * have emptied it meanwhile without bumping `rev`: the relay knows those entries and does
 * not send them again (OutboxRelay.sendBatch).
 */
function outboxAfter(d: Dossier, events: OutboxEntry[]): OutboxSnapshot | undefined {
  if (events.length === 0) return undefined;
  const read = d as Dossier & Partial<Pick<OutboxSnapshot, 'outboxRev'>>;
  return { outbox: [...(read.outbox ?? []), ...events], outboxRev: (read.outboxRev ?? 0) + 1 };
}
