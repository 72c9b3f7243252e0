import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Model } from 'mongoose';
import { TopicName } from '@lien-thong/contracts';
import { BROKER_CLIENT, BrokerClient } from '../broker/broker-client';
import { Topology } from '../topology/topology';
import { OutboxEntry, WithOutbox } from './outbox-entry';
import { MAX_STATEMENTS_PER_COMMAND, withDocumentLocks } from './document-lock';
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
  key: string;
  id: unknown;
  snapshot?: OutboxSnapshot;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** What was sent of one document: marked published only if its outboxRev is still this. */
export interface Published {
  model: OutboxModel;
  key: string;
  id: unknown;
  /** Every entry of its outbox sent so far and not yet removed from the document. */
  eventIds: Set<string>;
  rev: number;
}

/** Documents published together at most (one Kafka request). */
const MAX_BATCH = 500;

/**
 * How long a published document waits before its outbox is emptied: the documents published
 * meanwhile are marked together, and a document published again meanwhile (a dossier's
 * next step) is marked once for both. A second rather than 200 ms: a dossier's next step
 * (the registry's answer after the receipt or the approval, the payment after the
 * assessment) mostly comes within it, which saved 1.75 of 43.85 writes per dossier in
 * `npm run bench` (docs/benchmarks.md); a crash in between publishes those events again, as
 * before, and their consumers drop them.
 */
export const MARK_DELAY_MS = 1000;

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
  /** Documents ready to go out, and whether a batch is running. */
  private ready: Publication[] = [];
  /** Published documents whose outbox is not emptied yet, by lock key (see markLater). */
  private readonly unmarked = new Map<string, Published>();
  /**
   * What the last two markings emptied, by lock key: a writer's snapshot (see publish) read
   * before a marking still holds those entries, and they are not sent again. (A marking
   * that failed leaves them in the document: the poll, which reads it, sends them again.)
   */
  private marked: Map<string, Set<string>>[] = [new Map(), new Map()];
  private markTimer?: NodeJS.Timeout;
  private marking: Promise<void> = Promise.resolve();
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
   * caller that knows the document's outbox after its write passes it (`snapshot`), which
   * saves reading it back; a stale snapshot is safe (its marking write then does not apply,
   * the entries are re-read and at worst published twice).
   */
  publish(store: OutboxCollection, id: unknown, snapshot?: OutboxSnapshot): Promise<void> {
    const key = store.key(id);
    const previous = this.inFlight.get(key) ?? Promise.resolve();
    const next = previous
      .then(() => this.enqueue(store.outboxModel, key, id, snapshot))
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
    // Marked first, so that the scan below finds only what this process did not publish.
    await this.markNow();
    let found = 0;
    for (const store of this.stores.values()) {
      const pending = await store.outboxModel
        .find({ outboxPending: true }, { _id: 1 })
        .limit(1000)
        .lean();
      // Published meanwhile by this process and not yet marked: not a backlog, and not a
      // reason to poll at full rate (each poll scans the collection on FerretDB).
      const left = pending.filter(
        (doc) => !this.unmarked.has(store.key(doc._id)) && !this.inFlight.has(store.key(doc._id)),
      );
      found += left.length;
      await Promise.all(left.map((doc) => this.publish(store, doc._id)));
    }
    this.lastPollFound = found;
    this.idlePolls = found > 0 ? 0 : this.idlePolls + 1;
    await this.markNow();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Empties the outboxes of everything published so far (shutdown, poll). */
  async markNow(): Promise<void> {
    clearTimeout(this.markTimer);
    this.markTimer = undefined;
    const run = this.marking.then(() => this.markUnmarked());
    this.marking = run.catch(() => undefined);
    await run;
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

  /** Waits until a batch has published the document. */
  private enqueue(
    model: OutboxModel,
    key: string,
    id: unknown,
    snapshot?: OutboxSnapshot,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.ready.push({ model, key, id, snapshot, resolve, reject });
      if (!this.sending) {
        this.sending = true;
        // Let the other documents written in this turn of the event loop join the batch.
        setImmediate(() => void this.sendBatches());
      }
    });
  }

  /**
   * Sends the ready documents batch after batch; each document is released once its batch is
   * sent (its outbox is emptied later, see markLater).
   */
  private async sendBatches(): Promise<void> {
    while (this.ready.length > 0) {
      const batch = this.ready.splice(0, MAX_BATCH);
      try {
        await this.sendBatch(batch);
        for (const p of batch) p.resolve();
      } catch (err) {
        for (const p of batch) p.reject(err ?? new Error('publication failed'));
      }
    }
    this.sending = false;
  }

  /**
   * Reads (where needed) and sends a batch: of each document, the entries not sent already
   * (a document published again before its marking still holds the earlier ones, and a
   * writer's snapshot may hold entries a marking removed after the writer read them).
   */
  private async sendBatch(batch: Publication[]): Promise<void> {
    const outboxes = await this.outboxesOf(batch);
    const sent: { p: Publication; doc: OutboxSnapshot; entries: OutboxEntry[] }[] = [];
    for (const p of batch) {
      const doc = outboxes.get(p);
      if (!doc || doc.outbox.length === 0) continue;
      // A document read now holds what its markings left; only a snapshot can be stale.
      const sentBefore = [
        this.unmarked.get(p.key)?.eventIds,
        ...(p.snapshot ? this.marked.map((m) => m.get(p.key)) : []),
      ];
      const entries = doc.outbox.filter((e) => !sentBefore.some((ids) => ids?.has(e.eventId)));
      sent.push({ p, doc, entries });
    }
    const messages = sent.flatMap(({ entries }) =>
      entries.map((e) => ({
        topic: this.topology.topic(e.topic as TopicName),
        key: e.key,
        value: e.value,
        headers: e.headers,
      })),
    );
    if (messages.length > 0)
      await tracePublish(
        messages.map((m) => m.headers),
        () => this.broker.send(messages),
      );
    for (const { p, doc } of sent) this.markLater(p, doc);
  }

  /**
   * Notes a sent document for marking a moment later (MARK_DELAY_MS) instead of at once: a
   * write per publication was the largest share of the services' database writes after the
   * state changes themselves. The document is marked with every entry sent so far, so one
   * write empties the outbox of several publications. Until then its sent entries are not
   * sent again by this process; after a crash, the poll of the next one sends them again and
   * the consumers' inboxes drop the duplicates, as before.
   */
  private markLater(p: Publication, doc: OutboxSnapshot): void {
    const known = this.unmarked.get(p.key);
    const eventIds = known?.eventIds ?? new Set<string>();
    for (const e of doc.outbox) eventIds.add(e.eventId);
    this.unmarked.set(p.key, {
      model: p.model,
      key: p.key,
      id: p.id,
      eventIds,
      rev: Math.max(doc.outboxRev, known?.rev ?? 0),
    });
    if (!this.markTimer)
      this.markTimer = setTimeout(() => {
        this.markTimer = undefined;
        void this.markNow().catch((err: unknown) =>
          this.logger.warn(`marking published outboxes failed: ${String(err)}`),
        );
      }, MARK_DELAY_MS);
    this.markTimer.unref();
  }

  /**
   * Each document's outbox read by _id (one look-up per document, issued together: a stock
   * FerretDB 1.24 answers `_id: { $in: [...] }` by scanning the whole collection; measured:
   * the database's CPU per event tripled and the rate fell by three quarters as the
   * collection grew. The build of tools/infra/mongo.mjs pushes `$in` down, but a
   * MONGO_URL given from outside may be a stock one), unless the caller passed it.
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

  /** Marks what is waiting, MAX_STATEMENTS_PER_COMMAND documents per command. */
  private async markUnmarked(): Promise<void> {
    const waiting = [...this.unmarked.values()];
    this.marked = [new Map(waiting.map((p) => [p.key, p.eventIds])), this.marked[0]];
    for (let i = 0; i < waiting.length; i += MAX_STATEMENTS_PER_COMMAND) {
      const chunk = waiting.slice(i, i + MAX_STATEMENTS_PER_COMMAND);
      try {
        await this.markPublished(chunk);
      } catch (err) {
        this.logger.warn(
          `could not mark ${chunk.length} outboxes; the poll will publish them again: ${String(err)}`,
        );
      }
      // Marked, or given up to the poll: this process no longer holds them back.
      for (const p of chunk) if (this.unmarked.get(p.key) === p) this.unmarked.delete(p.key);
    }
  }

  /**
   * Empties the outboxes of the published documents in one update per model, each only if
   * its outboxRev is unchanged since it was read, holding the documents' locks (on FerretDB
   * a conditional update is not atomic by itself, see withDocumentLock). Where it was changed
   * (a write appended events not yet sent), it is read again and the newcomers are kept.
   */
  protected async markPublished(published: Published[]): Promise<void> {
    const byModel = new Map<OutboxModel, Published[]>();
    for (const p of published) byModel.set(p.model, [...(byModel.get(p.model) ?? []), p]);
    for (const [model, docs] of byModel) {
      await withDocumentLocks(
        model.db,
        docs.map((p) => p.key),
        async () => {
          const result = await model.bulkWrite(
            docs.map((p) => ({
              updateOne: {
                filter: { _id: p.id, outboxRev: p.rev },
                update: { $set: { outbox: [], outboxPending: false } },
              },
            })),
            { ordered: false },
          );
          if (result.matchedCount < docs.length)
            await Promise.all(docs.map((p) => this.markOne(p)));
        },
      );
    }
  }

  /** One document that the grouped marking may have missed (its outboxRev moved). */
  private async markOne({ model, id, eventIds }: Published): Promise<void> {
    const fresh = await model.findById(id, { outbox: 1, outboxRev: 1 }).lean();
    if (!fresh || !fresh.outbox.some((e) => eventIds.has(e.eventId))) return;
    const remaining = fresh.outbox.filter((e) => !eventIds.has(e.eventId));
    const result = await model.updateOne(
      { _id: id, outboxRev: fresh.outboxRev },
      { $set: { outbox: remaining, outboxPending: remaining.length > 0 } },
    );
    if (result.matchedCount === 0)
      this.logger.warn(
        `could not mark the outbox of ${String(id)}; its events may be published twice`,
      );
  }
}
