import { Inject, Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';
import { OutboxEntry, OutboxRelay, OutboxStore } from '@lien-thong/messaging';
import { SERVICE_CONFIG } from '@lien-thong/platform';
import { SecuredTransactionsConfig } from '../config/secured-transactions.config';
import { ParcelLinksRepository } from '../parcels/parcel-links.repository';
import { RecentAnswer, RecentAnswers } from './recent-answers';
import { ParcelCheck } from './schemas/parcel-check.schema';

/** Where the holds the registry pushes are kept (holds/schemas/hold-notice.schema.ts). */
const HOLD_NOTICES = 'hold_notices';

interface HoldTimes {
  _id: string;
  placedAt: Date;
  liftedAt: Date | null;
}

@Injectable()
export class ParcelCheckRepository {
  private readonly store: OutboxStore<ParcelCheck>;
  private readonly recent: RecentAnswers;

  constructor(
    @InjectModel(ParcelCheck.name) private readonly checks: Model<ParcelCheck>,
    @InjectConnection() private readonly connection: Connection,
    private readonly links: ParcelLinksRepository,
    relay: OutboxRelay,
    @Inject(SERVICE_CONFIG) config: SecuredTransactionsConfig,
  ) {
    this.store = new OutboxStore(checks, relay);
    this.recent = new RecentAnswers(config.CHECK_CACHE_SECONDS * 1000);
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
   * The answers are those this process stored (RecentAnswers); the holds are read from the
   * database, by _id, so a hold pushed to another instance counts as well.
   */
  async reusableClearAnswer(parcelKey: string, since: Date): Promise<RecentAnswer | null> {
    const latest = this.recent.since(parcelKey, since);
    if (!latest) return null;
    const asOf = latest.asOf ?? latest.checkedAt;
    const holds = this.connection.collection<HoldTimes>(HOLD_NOTICES);
    const notices = await Promise.all(
      (await this.links.refs(parcelKey, 'HOLD')).map((_id) =>
        holds.findOne({ _id }, { projection: { placedAt: 1, liftedAt: 1 } }),
      ),
    );
    const changedSince = notices.some(
      (n) => n && (n.placedAt >= asOf || (n.liftedAt !== null && n.liftedAt >= asOf)),
    );
    return changedSince ? null : latest;
  }

  /**
   * Stores the answer with its event; false when this request was already answered. A clear
   * answer of the registry's is remembered for reuse.
   */
  async save(check: Omit<ParcelCheck, 'outbox'>, events: OutboxEntry[]): Promise<boolean> {
    const saved = await this.store.create(check, events);
    if (saved && check.source === 'REGISTRY') {
      const { registryResult, result, checkedAt, asOf } = check;
      this.recent.remember(check.parcelKey, { registryResult, result, checkedAt, asOf });
    }
    return saved;
  }
}
