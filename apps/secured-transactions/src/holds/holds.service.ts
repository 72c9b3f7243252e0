import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { HoldPlacement } from '@lien-thong/agency-contracts';
import { Topics } from '@lien-thong/contracts';
import { EventFactory, OutboxRelay, OutboxStore } from '@lien-thong/messaging';
import { parcelKey } from '../parcel-checks/parcel-key';
import { HoldNotice } from './schemas/hold-notice.schema';

/**
 * Turns the registry's push about a new hold into a HoldPlaced event, so that the land
 * office stops dossiers on that parcel at once instead of at the final re-check; and
 * remembers lifts, which the parcel checks' cache must not answer past.
 */
@Injectable()
export class HoldsService implements OnModuleInit {
  private readonly logger = new Logger('holds');
  private readonly store: OutboxStore<HoldNotice>;

  constructor(
    @InjectModel(HoldNotice.name) private readonly notices: Model<HoldNotice>,
    private readonly events: EventFactory,
    relay: OutboxRelay,
  ) {
    this.store = new OutboxStore(notices, relay);
  }

  /**
   * Gives the notices stored before they carried `parcelKey` theirs, before the service
   * consumes anything: a parcel check looks notices up by it, and one it missed would let a
   * clear answer be reused past a hold. Once per start; a notice is small and they are few
   * (one per hold the registry ever pushed), and two instances doing it together write the
   * same value.
   */
  async onModuleInit(): Promise<void> {
    const unkeyed = await this.notices
      .find({ parcelKey: { $exists: false } }, { parcel: 1 })
      .lean<Pick<HoldNotice, '_id' | 'parcel'>[]>();
    for (const notice of unkeyed)
      await this.store.locked(notice._id, () =>
        this.notices.updateOne(
          { _id: notice._id },
          { $set: { parcelKey: parcelKey(notice.parcel) } },
        ),
      );
    if (unkeyed.length > 0) this.logger.log(`${unkeyed.length} hold notices keyed by parcel`);
  }

  /**
   * A placement becomes one HoldPlaced; a lift is recorded on the notice, so that a clear
   * answer older than the lift is not reused. A lift pushed before its placement (pushes are
   * not ordered) still announces the hold, with its liftedAt: the land office decides which
   * dossiers it concerns.
   */
  async placed(placement: HoldPlacement): Promise<{ accepted: boolean }> {
    const key = parcelKey(placement.parcel);
    const id = `${key}:${placement.hold.documentNumber}`;
    const liftedAt = placement.liftedAt ? new Date(placement.liftedAt) : null;
    const event = this.events.create(Topics.HoldPlaced, key, {
      parcel: placement.parcel,
      hold: placement.hold,
      placedAt: placement.placedAt,
      ...(placement.liftedAt ? { liftedAt: placement.liftedAt } : {}),
    });
    const created = await this.store.create(
      {
        _id: id,
        parcel: placement.parcel,
        parcelKey: key,
        hold: placement.hold,
        placedAt: new Date(placement.placedAt),
        liftedAt,
      },
      [event],
    );
    if (created) return { accepted: true };
    if (!liftedAt) return { accepted: false };
    // Locked: a conditional update, on a document whose outbox the relay marks.
    const lifted = await this.store.locked(id, () =>
      this.notices.updateOne({ _id: id, liftedAt: null }, { $set: { liftedAt } }),
    );
    return { accepted: lifted.modifiedCount > 0 };
  }
}
