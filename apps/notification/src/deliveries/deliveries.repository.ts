import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { OutboxEntry, OutboxRelay, OutboxStore } from '@lien-thong/messaging';
import { isDuplicateKey } from '@lien-thong/platform';
import { deliveryId } from './delivery-id';
import { Delivery } from './schemas/delivery.schema';

/** What one delivery of an event is: its channel, recipient and content. */
export type NewDelivery = Pick<
  Delivery,
  'template' | 'channel' | 'to' | 'text' | 'subject' | 'body'
>;

/** Far more events than a dossier ever has: a walk that gets this far is a bug, not data. */
const MAX_SLOTS = 10_000;
const HIDDEN = { outbox: 0, outboxRev: 0, outboxPending: 0 } as const;

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
   * insert for all its channels (one write per event instead of one per channel), under the
   * dossier's first free slot (delivery-id.ts); as they were on every later call (a repeated
   * event finds them SENT or FAILED on the way to the free slot). Ordered: an insert refused
   * on its first document (a slot taken meanwhile) writes nothing.
   */
  async openAll(
    dossierCode: string,
    aboutEventId: string,
    deliveries: NewDelivery[],
  ): Promise<Delivery[]> {
    for (let slot = 1; slot <= MAX_SLOTS;) {
      const first = await this.byId(deliveryId(dossierCode, slot, 0));
      if (first?.aboutEventId === aboutEventId) return this.ofSlot(first);
      if (first) {
        slot++;
        continue;
      }
      try {
        const created = await this.deliveries.insertMany(
          deliveries.map((d, index) => ({
            ...d,
            _id: deliveryId(dossierCode, slot, index),
            dossierCode,
            aboutEventId,
            eventDeliveries: deliveries.length,
            status: 'PENDING',
            attempts: 0,
          })),
        );
        return created.map((d) => d.toObject<Delivery>());
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      // The slot was taken meanwhile (another instance, or another event of the dossier):
      // the loop looks at it again. If it is free, the unique index on the event and channel
      // refused the insert: the event is stored where this walk did not see it.
      if (!(await this.byId(deliveryId(dossierCode, slot, 0)))) return this.ofEvent(aboutEventId);
    }
    throw new Error(`dossier ${dossierCode} has no free delivery slot below ${MAX_SLOTS}`);
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

  /** A dossier's deliveries, oldest first: its slots looked up by _id until one is missing. */
  async listByDossier(dossierCode: string): Promise<Delivery[]> {
    const slots: Promise<Delivery[]>[] = [];
    for (let slot = 1; slot <= MAX_SLOTS; slot++) {
      const first = await this.byId(deliveryId(dossierCode, slot, 0));
      if (!first) break;
      slots.push(this.ofSlot(first));
    }
    return (await Promise.all(slots))
      .flat()
      .sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
  }

  private byId(id: string): Promise<Delivery | null> {
    return this.deliveries.findById(id, HIDDEN).lean<Delivery>().exec();
  }

  /** The deliveries of the event whose first delivery is `first`, in their order. */
  private async ofSlot(first: Delivery): Promise<Delivery[]> {
    const slot = first._id.slice(0, first._id.lastIndexOf('.'));
    const others = await Promise.all(
      Array.from({ length: (first.eventDeliveries ?? 1) - 1 }, (_, i) =>
        this.byId(`${slot}.${i + 1}`),
      ),
    );
    return [first, ...others.filter((d): d is Delivery => d !== null)];
  }

  /** By the event (not by _id: read the whole collection on FerretDB), for the odd case only. */
  private async ofEvent(aboutEventId: string): Promise<Delivery[]> {
    const found = await this.deliveries.find({ aboutEventId }, HIDDEN).lean<Delivery[]>().exec();
    if (found.length === 0)
      throw new Error(`the deliveries of event ${aboutEventId} collided but cannot be read`);
    return found.sort((a, b) => a._id.localeCompare(b._id));
  }
}
