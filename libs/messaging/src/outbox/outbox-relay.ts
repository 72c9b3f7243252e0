import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Model } from 'mongoose';
import { TopicName } from '@lien-thong/contracts';
import { BROKER_CLIENT, BrokerClient } from '../broker/broker-client';
import { Topology } from '../topology/topology';
import { OutboxEntry, WithOutbox } from './outbox-entry';
import { withDocumentLock } from './document-lock';
import { tracePublish } from '../tracing/event-tracing';
import { measureOutboxBacklog } from '../metrics/messaging-metrics';

/** A collection whose documents carry an outbox, seen through the outbox fields alone. */
export type OutboxModel = Model<WithOutbox & { _id: unknown }>;

/** What the relay needs of such a collection: an OutboxStore. */
export interface OutboxCollection {
  readonly outboxModel: OutboxModel;
  /** The key of a document's lock, which the relay holds while it publishes and marks. */
  key(id: unknown): string;
}

export const OUTBOX_POLL_MS = Symbol('OUTBOX_POLL_MS');

/** A document's outbox as the write that stored it left it (lets the relay skip a read). */
export interface OutboxSnapshot {
  outbox: OutboxEntry[];
  outboxRev: number;
}

/** One document whose pending entries are waiting to go out in the next batch. */
interface Publication {
  model: OutboxModel;
  id: unknown;
  snapshot?: OutboxSnapshot;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** What was sent for one document: marked published only if its outboxRev is still this. */
export interface Published {
  model: OutboxModel;
  id: unknown;
  entries: OutboxEntry[];
  rev: number;
}

/** Documents published together at most (one Kafka request, a few marking writes). */
const MAX_BATCH = 500;

/**
 * Publishes outbox entries: right after the write that stored them (publish()), and as a
 * fallback by polling for documents still flagged pending (after a crash, or when the
 * broker was down). Publishing is at-least-once: if the process dies after sending and
 * before marking, the entries go out again and consumers' inboxes drop the duplicates.
 *
 * Publications are grouped: the documents that become ready while a batch is being sent
 * go out together in the next one — one Kafka request, one read for the documents whose
 * outbox the caller did not pass, one write per collection to mark them (measured by
 * `npm run bench:messaging`: each database round trip costs about half a millisecond of
 * this process's CPU on the benchmark machine, more than anything else the relay does).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap {
  private readonly logger = new Logger('outbox');
  /** By model: two stores of one collection are polled once. */
  private readonly stores = new Map<OutboxModel, OutboxCollection>();
  /** One publication at a time per document keeps a dossier's events in order. */
  private readonly inFlight = new Map<string, Promise<void>>();
  /** Documents ready to go out (each holding its document lock) and whether a batch is running. */
  private ready: Publication[] = [];
  private sending = false;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  /** Polls in a row that found nothing to publish. */
  private idlePolls = 0;
  /** Documents the last poll found pending (the backlog while the broker is away). */
  private lastPollFound = 0;

  constructor(
    @Inject(BROKER_CLIENT) private readonly broker: BrokerClient,
    private readonly topology: Topology,
    @Inject(OUTBOX_POLL_MS) private readonly pollMs: number,
  ) {
    measureOutboxBacklog(() => Math.max(this.inFlight.size, this.lastPollFound));
  }

  /** Called by each OutboxStore: its collection is polled for entries left pending. */
  register(store: OutboxCollection): void {
    this.stores.set(store.outboxModel, store);
  }

  onApplicationBootstrap(): void {
    if (!this.timer) this.schedule();
  }

  /**
   * Publishes the pending entries of one document now (the fast path after a write). A
   * caller that has just created the document passes its outbox (`snapshot`), which saves
   * reading it back; a stale snapshot is safe (its marking write then does not apply, the
   * entries are re-read and at worst published twice).
   */
  publish(store: OutboxCollection, id: unknown, snapshot?: OutboxSnapshot): Promise<void> {
    const key = store.key(id);
    const previous = this.inFlight.get(key) ?? Promise.resolve();
    const next = previous
      .then(() =>
        withDocumentLock(store.outboxModel.db, key, () =>
          this.enqueue(store.outboxModel, id, snapshot),
        ),
      )
      .catch((err: unknown) => {
        this.idlePolls = 0;
        this.logger.warn(`publishing ${key} failed, the poll will retry: ${String(err)}`);
      })
      .finally(() => {
        if (this.inFlight.get(key) === next) this.inFlight.delete(key);
      });
    this.inFlight.set(key, next);
    return next;
  }

  /** Publishes everything still pending, e.g. before shutting down. */
  async flush(): Promise<void> {
    await Promise.all(this.inFlight.values());
    let found = 0;
    for (const store of this.stores.values()) {
      const pending = await store.outboxModel
        .find({ outboxPending: true }, { _id: 1 })
        .limit(1000)
        .lean();
      found += pending.length;
      await Promise.all(pending.map((doc) => this.publish(store, doc._id)));
    }
    this.lastPollFound = found;
    this.idlePolls = found > 0 ? 0 : this.idlePolls + 1;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /**
   * The poll is only the fallback (the write path publishes at once), and on FerretDB it
   * scans every aggregate of the service: while it finds nothing it slows down, up to ten
   * times the interval (found by the chaos run: one poll of 40 dossiers took 100 ms, growing
   * with their number, every second in every service), and comes back to the interval as
   * soon as a publication fails or it finds something.
   */
  private schedule(): void {
    if (this.stopped) return;
    const delay = this.pollMs * Math.min(10, 2 ** Math.min(this.idlePolls, 4));
    this.timer = setTimeout(() => {
      this.flush()
        .catch((err: unknown) => this.logger.warn(`outbox poll failed: ${String(err)}`))
        .finally(() => this.schedule());
    }, delay);
    this.timer.unref();
  }

  /** Waits, holding the document's lock, until a batch has published the document. */
  private enqueue(model: OutboxModel, id: unknown, snapshot?: OutboxSnapshot): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.ready.push({ model, id, snapshot, resolve, reject });
      if (!this.sending) {
        this.sending = true;
        // Let the other documents written in this turn of the event loop join the batch.
        setImmediate(() => void this.sendBatches());
      }
    });
  }

  /**
   * Sends the ready documents batch after batch. Only the sending is waited for here: the
   * next batch goes out while the previous one is being marked (it holds other documents,
   * since a document's next publication waits for its previous one), and each document is
   * released once its batch is marked.
   */
  private async sendBatches(): Promise<void> {
    while (this.ready.length > 0) {
      const batch = this.ready.splice(0, MAX_BATCH);
      const settle = (err?: unknown) => {
        for (const p of batch) {
          if (err === undefined) p.resolve();
          else p.reject(err);
        }
      };
      try {
        const { marked } = await this.sendBatch(batch);
        void marked.then(() => settle(), settle);
      } catch (err) {
        settle(err ?? new Error('publication failed'));
      }
    }
    this.sending = false;
  }

  /** Reads (where needed) and sends a batch; resolves once sent, with its marking under way. */
  private async sendBatch(batch: Publication[]): Promise<{ marked: Promise<void> }> {
    const outboxes = await this.outboxesOf(batch);
    const published: Published[] = [];
    for (const p of batch) {
      const doc = outboxes.get(p);
      if (doc && doc.outbox.length > 0)
        published.push({ model: p.model, id: p.id, entries: doc.outbox, rev: doc.outboxRev });
    }
    if (published.length === 0) return { marked: Promise.resolve() };
    const messages = published.flatMap(({ entries }) =>
      entries.map((e) => ({
        topic: this.topology.topic(e.topic as TopicName),
        key: e.key,
        value: e.value,
        headers: e.headers,
      })),
    );
    await tracePublish(
      messages.map((m) => m.headers),
      () => this.broker.send(messages),
    );
    return { marked: this.markPublished(published) };
  }

  /**
   * Each document's outbox: the caller's snapshot, or else read by _id. One look-up per
   * document, issued together: FerretDB answers `_id: { $in: [...] }` by scanning the whole
   * collection (measured: the database's CPU per event tripled and the rate fell by three
   * quarters as the collection grew), while a look-up by one _id uses the primary key.
   */
  private async outboxesOf(batch: Publication[]): Promise<Map<Publication, OutboxSnapshot>> {
    const found = new Map<Publication, OutboxSnapshot>();
    await Promise.all(
      batch.map(async (p) => {
        const doc =
          p.snapshot ?? (await p.model.findById(p.id, { outbox: 1, outboxRev: 1 }).lean());
        if (doc) found.set(p, { outbox: doc.outbox ?? [], outboxRev: doc.outboxRev ?? 0 });
      }),
    );
    return found;
  }

  /**
   * Removes the published entries of each document: its outbox is emptied if its outboxRev
   * is unchanged since it was read (no event appended meanwhile); otherwise it is re-read
   * and the newcomers are kept. One write per document, issued together — neither one
   * command for all (FerretDB 1.x on PostgreSQL holds a connection for each statement of an
   * update command until the command ends: a batch of more statements than its pool has
   * connections never finished and held the whole database still) nor `$in` (a scan).
   */
  protected async markPublished(published: Published[]): Promise<void> {
    await Promise.all(published.map((p) => this.markOne(p)));
  }

  private async markOne({ model, id, entries, rev }: Published): Promise<void> {
    const done = new Set(entries.map((e) => e.eventId));
    let expectedRev = rev;
    let remaining: OutboxEntry[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      const result = await model.updateOne(
        { _id: id, outboxRev: expectedRev },
        {
          $set: { outbox: remaining, outboxPending: remaining.length > 0 },
        },
      );
      if (result.matchedCount === 1) return;
      const fresh = await model.findById(id, { outbox: 1, outboxRev: 1 }).lean();
      if (!fresh) return;
      expectedRev = fresh.outboxRev;
      remaining = fresh.outbox.filter((e) => !done.has(e.eventId));
    }
    this.logger.warn(
      `could not mark the outbox of ${String(id)}; its events may be published twice`,
    );
  }
}
