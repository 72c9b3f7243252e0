import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { newOutbox, OutboxEntry, OutboxRelay } from '@lien-thong/messaging';
import { isDuplicateKey } from '@lien-thong/platform';
import { CompensationRecord } from './schemas/compensation-record.schema';

@Injectable()
export class CompensationRecordsRepository {
  constructor(
    @InjectModel(CompensationRecord.name) private readonly records: Model<CompensationRecord>,
    private readonly relay: OutboxRelay,
  ) {
    relay.register(records as never);
  }

  /**
   * Inserts the record with its event, once: a repeat only publishes what a crash may have
   * left unpublished. Answers whether this call inserted it.
   */
  async commit(record: Omit<CompensationRecord, 'outbox'>, event: OutboxEntry): Promise<boolean> {
    const outbox = newOutbox([event]);
    try {
      await this.records.create({ ...record, ...outbox });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      await this.relay.publish(this.records as never, record._id);
      return false;
    }
    await this.relay.publish(this.records as never, record._id, outbox);
    return true;
  }
}
