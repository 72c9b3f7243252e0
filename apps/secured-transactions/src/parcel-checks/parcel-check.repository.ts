import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';
import { OutboxEntry, OutboxRelay, OutboxStore } from '@lien-thong/messaging';
import { ParcelCheck } from './schemas/parcel-check.schema';

/** Where the holds the registry pushes are kept (holds/schemas/hold-notice.schema.ts). */
const HOLD_NOTICES = 'hold_notices';

@Injectable()
export class ParcelCheckRepository {
  private readonly store: OutboxStore<ParcelCheck>;

  constructor(
    @InjectModel(ParcelCheck.name) private readonly checks: Model<ParcelCheck>,
    @InjectConnection() private readonly connection: Connection,
    relay: OutboxRelay,
  ) {
    this.store = new OutboxStore(checks, relay);
  }

  findById(id: string): Promise<ParcelCheck | null> {
    return this.checks.findById(id).lean<ParcelCheck>();
  }

  /**
   * The newest CLEAR answer the registry itself gave for this parcel since `since`, unless
   * the registry told us of a change on the parcel at or after that answer's as-of time (a
   * hold placed or lifted): an answer is never reused past a change we know of. Only a clear
   * answer is ever reused: an encumbrance refuses a dossier for good, so it is always asked
   * for afresh (a hold lifted a minute ago must not refuse anyone). Clear means the registry's
   * own answer: the land office's mortgages are added afresh to every answer, reused or not.
   */
  async reusableClearAnswer(parcelKey: string, since: Date): Promise<ParcelCheck | null> {
    const latest = await this.checks
      .findOne({ parcelKey, source: 'REGISTRY', checkedAt: { $gte: since } })
      .sort({ checkedAt: -1 })
      .lean<ParcelCheck>();
    if (!latest || (latest.registryResult ?? latest.result).status !== 'CLEAR') return null;
    const asOf = latest.asOf ?? latest.checkedAt;
    const changedSince = await this.connection.collection(HOLD_NOTICES).findOne({
      parcelKey,
      $or: [{ placedAt: { $gte: asOf } }, { liftedAt: { $gte: asOf } }],
    });
    return changedSince ? null : latest;
  }

  /** Stores the answer with its event; false when this request was already answered. */
  save(check: Omit<ParcelCheck, 'outbox'>, events: OutboxEntry[]): Promise<boolean> {
    return this.store.create(check, events);
  }
}
