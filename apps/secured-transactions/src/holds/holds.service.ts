import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { HoldPlacement } from '@lien-thong/agency-contracts';
import { Topics } from '@lien-thong/contracts';
import { EventFactory, newOutbox, OutboxRelay } from '@lien-thong/messaging';
import { isDuplicateKey } from '@lien-thong/platform';
import { parcelKey } from '../parcel-checks/parcel-key';
import { HoldNotice } from './schemas/hold-notice.schema';

/**
 * Turns the registry's push about a new hold into a HoldPlaced event, so that the land
 * office stops dossiers on that parcel at once instead of at the final re-check.
 */
@Injectable()
export class HoldsService {
  constructor(
    @InjectModel(HoldNotice.name) private readonly notices: Model<HoldNotice>,
    private readonly events: EventFactory,
    private readonly relay: OutboxRelay,
  ) {
    relay.register(notices as never);
  }

  async placed(placement: HoldPlacement): Promise<{ accepted: boolean }> {
    const key = parcelKey(placement.parcel);
    const id = `${key}:${placement.hold.documentNumber}`;
    const event = this.events.create(Topics.HoldPlaced, key, placement);
    const outbox = newOutbox([event]);
    try {
      await this.notices.create({
        _id: id,
        parcel: placement.parcel,
        hold: placement.hold,
        placedAt: new Date(placement.placedAt),
        ...outbox,
      });
    } catch (err) {
      if (isDuplicateKey(err)) return { accepted: false };
      throw err;
    }
    await this.relay.publish(this.notices as never, id, outbox);
    return { accepted: true };
  }
}
