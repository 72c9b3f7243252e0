import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { OutboxEntry, OutboxRelay, OutboxStore } from '@lien-thong/messaging';
import { isDuplicateKey } from '@lien-thong/platform';
import { Delivery } from './schemas/delivery.schema';

export type NewDelivery = Pick<
  Delivery,
  | '_id'
  | 'dossierCode'
  | 'aboutEventId'
  | 'template'
  | 'channel'
  | 'to'
  | 'text'
  | 'subject'
  | 'body'
>;

@Injectable()
export class DeliveriesRepository {
  private readonly store: OutboxStore<Delivery>;

  constructor(
    @InjectModel(Delivery.name) private readonly deliveries: Model<Delivery>,
    relay: OutboxRelay,
  ) {
    this.store = new OutboxStore(deliveries, relay);
  }

  /**
   * The deliveries of one event, one per channel: created PENDING the first time, in one
   * insert for all its channels (one write per event instead of one per channel), and as
   * they were on every later call (a repeated event finds them SENT or FAILED).
   */
  async openAll(deliveries: NewDelivery[]): Promise<Delivery[]> {
    try {
      const created = await this.deliveries.insertMany(
        deliveries.map((d) => ({ ...d, status: 'PENDING', attempts: 0 })),
        // Unordered, a document that fails validation would be left out without an error.
        { ordered: false, throwOnValidationError: true },
      );
      return created.map((d) => d.toObject<Delivery>());
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    return Promise.all(
      deliveries.map(async ({ _id }) => {
        const existing = await this.deliveries.findById(_id).lean<Delivery>().exec();
        if (!existing) throw new Error(`delivery ${_id} collided but cannot be read`);
        return existing;
      }),
    );
  }

  /**
   * The gateway accepted it: SENT, without an event (nobody is told; the land registry reads
   * the status from this service), so no outbox entry and no relay write either.
   */
  async markSent(id: string): Promise<boolean> {
    const result = await this.store.locked(id, () =>
      this.deliveries.updateOne(
        { _id: id, status: 'PENDING' },
        {
          $set: { status: 'SENT', sentAt: new Date() },
          $unset: { error: 1 },
          $inc: { attempts: 1 },
        },
      ),
    );
    return result.modifiedCount > 0;
  }

  /**
   * The gateway refused it for good (4xx): FAILED with the reason, never retried, stored with
   * the status event that tells the land registry the citizen was not reached.
   */
  async markFailed(id: string, error: string, event: OutboxEntry): Promise<boolean> {
    // A delivery's one event is the one its failing stores (opened without any, settled
    // once): the relay need not read it back.
    const result = await this.store.update(
      { _id: id, status: 'PENDING' },
      { $set: { status: 'FAILED', error }, $inc: { attempts: 1 } },
      [event],
      { outbox: [event], outboxRev: 1 },
    );
    return result.modifiedCount > 0;
  }

  /** A transient failure: stays PENDING for the event's next attempt. */
  async noteRetry(id: string, error: string): Promise<void> {
    await this.store.locked(id, () =>
      this.deliveries.updateOne(
        { _id: id, status: 'PENDING' },
        { $set: { error }, $inc: { attempts: 1 } },
      ),
    );
  }

  listByDossier(dossierCode: string): Promise<Delivery[]> {
    return this.deliveries
      .find({ dossierCode }, { outbox: 0, outboxRev: 0, outboxPending: 0 })
      .sort({ createdAt: 1, _id: 1 })
      .lean<Delivery[]>()
      .exec();
  }
}
