import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { OutboxRelay, OutboxStore } from '@lien-thong/messaging';
import { isDuplicateKey } from '@lien-thong/platform';
import { Delivery } from './schemas/delivery.schema';
import { Attempt, firstRecord } from './attempt';

/** The outbox fields are the relay's business, not a reader's. */
const WITHOUT_OUTBOX = { outbox: 0, outboxRev: 0, outboxPending: 0 } as const;

@Injectable()
export class DeliveriesRepository {
  private readonly store: OutboxStore<Delivery>;

  constructor(
    @InjectModel(Delivery.name) private readonly deliveries: Model<Delivery>,
    relay: OutboxRelay,
  ) {
    this.store = new OutboxStore(deliveries, relay);
  }

  /** The deliveries stored under these ids (one event's channels): one look-up by `_id`. */
  findByIds(ids: string[]): Promise<Delivery[]> {
    return this.deliveries
      .find({ _id: { $in: ids } }, WITHOUT_OUTBOX)
      .lean<Delivery[]>()
      .exec();
  }

  /**
   * Stores the first attempts of an event's messages, each with its outcome, in ONE insert
   * (the one write of an event on the happy path), a refusal with its status event in its
   * outbox, and publishes those events. Returns the attempts whose delivery someone stored
   * first (another instance handling the same event at the same moment): the caller settles
   * them like a stored PENDING delivery, so a refusal is not lost and none is announced twice.
   */
  async insertSettled(attempts: Attempt[]): Promise<Attempt[]> {
    let collided: Attempt[] = [];
    try {
      await this.deliveries.insertMany(
        attempts.map(firstRecord),
        // Unordered, a document that fails validation would be left out without an error.
        { ordered: false, throwOnValidationError: true },
      );
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const refused = duplicateIndexes(err);
      // The server names them; if it did not, settling all is safe (a settled one stays).
      collided = refused.length > 0 ? attempts.filter((_, i) => refused.includes(i)) : attempts;
    }
    await Promise.all(
      attempts.flatMap((a) =>
        a.status === 'FAILED' && !collided.includes(a)
          ? // Created with its one event: the relay need not read it back.
            [this.store.publish(a.delivery._id, { outbox: [a.event], outboxRev: 1 })]
          : [],
      ),
    );
    return collided;
  }

  /**
   * Settles a stored PENDING delivery with the outcome of another attempt (a retry, or the
   * loser of an insert race), under its document lock; a delivery already SENT or FAILED is
   * left as it is (so a refusal is announced once). True when it was PENDING.
   */
  async settle(attempt: Attempt): Promise<boolean> {
    const id = attempt.delivery._id;
    const pending = { _id: id, status: 'PENDING' as const };
    switch (attempt.status) {
      case 'SENT': {
        const result = await this.store.locked(id, () =>
          this.deliveries.updateOne(pending, {
            $set: { status: 'SENT', sentAt: attempt.at },
            $unset: { error: 1 },
            $inc: { attempts: 1 },
          }),
        );
        return result.modifiedCount > 0;
      }
      case 'FAILED': {
        // A delivery's one event is the one its refusal stores (none before, settled once):
        // the relay need not read it back.
        const result = await this.store.update(
          pending,
          { $set: { status: 'FAILED', error: attempt.error }, $inc: { attempts: 1 } },
          [attempt.event],
          { outbox: [attempt.event], outboxRev: 1 },
        );
        return result.modifiedCount > 0;
      }
      case 'PENDING': {
        const result = await this.store.locked(id, () =>
          this.deliveries.updateOne(pending, {
            $set: { error: attempt.error },
            $inc: { attempts: 1 },
          }),
        );
        return result.modifiedCount > 0;
      }
    }
  }

  listByDossier(dossierCode: string): Promise<Delivery[]> {
    return this.deliveries
      .find({ dossierCode }, WITHOUT_OUTBOX)
      .sort({ createdAt: 1, _id: 1 })
      .lean<Delivery[]>()
      .exec();
  }
}

/** Positions, in an unordered insert, of the documents refused as duplicates. */
function duplicateIndexes(err: unknown): number[] {
  const { writeErrors } = err as { writeErrors?: { index?: number } | { index?: number }[] };
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  return list.flatMap((w) => (typeof w.index === 'number' ? [w.index] : []));
}
