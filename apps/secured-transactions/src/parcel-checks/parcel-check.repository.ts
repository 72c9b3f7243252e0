import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { OutboxEntry, OutboxRelay, newOutbox } from '@lien-thong/messaging';
import { isDuplicateKey } from '@lien-thong/platform';
import { ParcelCheck } from './schemas/parcel-check.schema';

@Injectable()
export class ParcelCheckRepository {
  constructor(
    @InjectModel(ParcelCheck.name) private readonly checks: Model<ParcelCheck>,
    private readonly relay: OutboxRelay,
  ) {
    relay.register(checks as never);
  }

  findById(id: string): Promise<ParcelCheck | null> {
    return this.checks.findById(id).lean<ParcelCheck>();
  }

  /** The newest answer the registry itself gave for this parcel since `since`. */
  latestFromRegistry(parcelKey: string, since: Date): Promise<ParcelCheck | null> {
    return this.checks
      .findOne({ parcelKey, source: 'REGISTRY', checkedAt: { $gte: since } })
      .sort({ checkedAt: -1 })
      .lean<ParcelCheck>();
  }

  /** Stores the answer with its event; false when this request was already answered. */
  async save(check: Omit<ParcelCheck, 'outbox'>, events: OutboxEntry[]): Promise<boolean> {
    const outbox = newOutbox(events);
    try {
      await this.checks.create({ ...check, ...outbox });
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
    await this.relay.publish(this.checks as never, check._id, outbox);
    return true;
  }
}
