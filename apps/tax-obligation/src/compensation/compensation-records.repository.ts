import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { OutboxEntry, OutboxRelay, OutboxStore } from '@lien-thong/messaging';
import { CompensationRecord } from './schemas/compensation-record.schema';

@Injectable()
export class CompensationRecordsRepository {
  private readonly store: OutboxStore<CompensationRecord>;

  constructor(
    @InjectModel(CompensationRecord.name) records: Model<CompensationRecord>,
    relay: OutboxRelay,
  ) {
    this.store = new OutboxStore(records, relay);
  }

  /**
   * Inserts the record with its event, once: a repeat only publishes what a crash may have
   * left unpublished. Answers whether this call inserted it.
   */
  async commit(record: Omit<CompensationRecord, 'outbox'>, event: OutboxEntry): Promise<boolean> {
    if (await this.store.create(record, [event])) return true;
    await this.store.publish(record._id);
    return false;
  }
}
