import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Model } from 'mongoose';
import { TopicName } from '@lien-thong/contracts';
import { BROKER_CLIENT, BrokerClient } from '../broker/broker-client';
import { Topology } from '../topology/topology';
import { OutboxEntry, WithOutbox } from './outbox-entry';
import { documentKey, withDocumentLock } from './document-lock';

type OutboxModel = Model<WithOutbox & { _id: unknown }>;

export const OUTBOX_POLL_MS = Symbol('OUTBOX_POLL_MS');

/**
 * Publishes outbox entries: right after the write that stored them (publish()), and as a
 * fallback by polling for documents still flagged pending (after a crash, or when the
 * broker was down). Publishing is at-least-once: if the process dies after sending and
 * before marking, the entries go out again and consumers' inboxes drop the duplicates.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap {
  private readonly logger = new Logger('outbox');
  private readonly models = new Set<OutboxModel>();
  /** One publication at a time per document keeps a dossier's events in order. */
  private readonly inFlight = new Map<string, Promise<void>>();
  private timer?: NodeJS.Timeout;
  private stopped = false;
  /** Polls in a row that found nothing to publish. */
  private idlePolls = 0;

  constructor(
    @Inject(BROKER_CLIENT) private readonly broker: BrokerClient,
    private readonly topology: Topology,
    @Inject(OUTBOX_POLL_MS) private readonly pollMs: number,
  ) {}

  /** Called by each repository whose documents carry an outbox. */
  register(model: Model<never>): void {
    this.models.add(model as unknown as OutboxModel);
  }

  onApplicationBootstrap(): void {
    if (!this.timer) this.schedule();
  }

  /** Publishes the pending entries of one document now (the fast path after a write). */
  publish(model: Model<never>, id: unknown): Promise<void> {
    const key = `${model.collection.name}:${String(id)}`;
    const previous = this.inFlight.get(key) ?? Promise.resolve();
    const next = previous
      .then(() => this.publishDocument(model as unknown as OutboxModel, id))
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
    for (const model of this.models) {
      const pending = await model.find({ outboxPending: true }, { _id: 1 }).limit(1000).lean();
      found += pending.length;
      await Promise.all(
        pending.map((doc) => this.publish(model as unknown as Model<never>, doc._id)),
      );
    }
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

  private publishDocument(model: OutboxModel, id: unknown): Promise<void> {
    return withDocumentLock(documentKey(model as never, id), () => this.publishLocked(model, id));
  }

  private async publishLocked(model: OutboxModel, id: unknown): Promise<void> {
    const doc = await model.findById(id, { outbox: 1, outboxRev: 1 }).lean();
    if (!doc || doc.outbox.length === 0) return;
    await this.broker.send(
      doc.outbox.map((e) => ({
        topic: this.topology.topic(e.topic as TopicName),
        key: e.key,
        value: e.value,
        headers: e.headers,
      })),
    );
    await this.markPublished(model, id, doc.outbox, doc.outboxRev);
  }

  /**
   * Removes the published entries. The write only applies if no event was appended since
   * the read (outboxRev unchanged); otherwise it re-reads and keeps the newcomers.
   */
  protected async markPublished(
    model: OutboxModel,
    id: unknown,
    published: OutboxEntry[],
    rev: number,
  ): Promise<void> {
    const done = new Set(published.map((e) => e.eventId));
    let expectedRev = rev;
    let remaining: OutboxEntry[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      const result = await model.updateOne(
        { _id: id, outboxRev: expectedRev },
        { $set: { outbox: remaining, outboxPending: remaining.length > 0 } },
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
