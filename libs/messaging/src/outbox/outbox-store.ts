import { Model, QueryFilter, UpdateQuery, UpdateWriteOpResult } from 'mongoose';
import { isDuplicateKey } from '@lien-thong/platform';
import { newOutbox, OutboxEntry, withOutbox } from './outbox-entry';
import { documentKey, withDocumentLock, withDocumentLocks } from './document-lock';
import type { OutboxCollection, OutboxModel, OutboxRelay, OutboxSnapshot } from './outbox-relay';

/**
 * The one way a repository writes documents that carry an outbox (see outbox-entry): each
 * write stores its events in the document it changes, under the document's lock where it
 * is a conditional update, and then hands them to the relay. Built once per repository
 * from its model (`new OutboxStore(model, relay)`), which also registers the collection
 * for the relay's fallback poll. Writes without events may use the model directly.
 */
export class OutboxStore<TDoc extends { _id: unknown }> implements OutboxCollection {
  /**
   * The same model seen through the outbox fields alone, for the relay. Model<TDoc> does
   * not convert to it (mongoose's Model is invariant); addOutbox puts these fields on every
   * such schema, so this one conversion stands for all of them.
   */
  readonly outboxModel: OutboxModel;

  constructor(
    private readonly model: Model<TDoc>,
    private readonly relay: OutboxRelay,
  ) {
    this.outboxModel = model as unknown as OutboxModel;
    relay.register(this);
  }

  /** The key of a document's lock, shared by this store's writes and the relay's marking. */
  key(id: TDoc['_id']): string {
    return documentKey(this.model, id);
  }

  /**
   * Inserts a document with its first events and starts publishing them; false when a
   * document with its _id exists, in which case nothing is written or published.
   */
  async create(doc: Partial<TDoc> & { _id: TDoc['_id'] }, events: OutboxEntry[]) {
    const outbox = newOutbox(events);
    try {
      await this.model.create({ ...doc, ...outbox });
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
    this.publishSoon(doc._id, outbox);
    return true;
  }

  /**
   * Applies `update` with its events to the document `filter` selects, under its lock (on
   * FerretDB a conditional update is not atomic by itself, see withDocumentLock), then
   * starts publishing the events if it matched. `snapshot`: the document's whole outbox
   * after this write, when the caller knows it (saves the relay a read).
   */
  async update(
    filter: QueryFilter<TDoc> & { _id: TDoc['_id'] },
    update: UpdateQuery<TDoc>,
    events: OutboxEntry[],
    snapshot?: OutboxSnapshot,
  ): Promise<UpdateWriteOpResult> {
    const result = await this.locked(filter._id, () =>
      this.model.updateOne(filter, withOutbox(update, events)),
    );
    if (result.matchedCount > 0 && events.length > 0) this.publishSoon(filter._id, snapshot);
    return result;
  }

  /** Runs fn holding the document's lock: for a conditional write that stores no event. */
  locked<T>(id: TDoc['_id'], fn: () => Promise<T>): Promise<T> {
    return withDocumentLock(this.model.db, this.key(id), fn);
  }

  /** Runs fn holding the locks of these documents: for one command that writes them all. */
  lockedAll<T>(ids: TDoc['_id'][], fn: () => Promise<T>): Promise<T> {
    return withDocumentLocks(
      this.model.db,
      ids.map((id) => this.key(id)),
      fn,
    );
  }

  /** Publishes the document's pending events now (the relay's poll would, later). */
  publish(id: TDoc['_id'], snapshot?: OutboxSnapshot): Promise<void> {
    return this.relay.publish(this, id, snapshot);
  }

  /**
   * After a write: the events are stored, so the write is done; sending them is the relay's
   * business, not the caller's (a consumer's handler would otherwise hold its partition for
   * the broker's round trip, 10–30 ms of every hop on the benchmark machine). The relay
   * keeps each document's publications in order, logs a failure and leaves the entries to
   * its poll, so nothing is lost if this one fails or the process stops before it ends.
   */
  private publishSoon(id: TDoc['_id'], snapshot?: OutboxSnapshot): void {
    void this.publish(id, snapshot);
  }
}
