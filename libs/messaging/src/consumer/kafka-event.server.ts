import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { isKnownTopic, TopicName } from '@lien-thong/contracts';
import { lastValueFrom } from 'rxjs';
import { BrokerClient, BrokerConsumer, PartitionBatch } from '../broker/broker-client';
import { InboxRepository } from '../inbox/inbox.repository';
import { DeadLetterService } from '../dead-letters/dead-letter.service';
import { OutboxRelay } from '../outbox/outbox-relay';
import { Topology } from '../topology/topology';
import { EventSigning } from '../signing/event-signing';
import { AgencyGate } from './agency-gate';
import { EventMessageContext, EventPipeline, Handle } from './event-pipeline';
import { noteCommitted } from '../metrics/messaging-metrics';

/** How often a member working on a message says it is alive (its session lasts 30 s). */
const HEARTBEAT_EVERY_MS = 3_000;

/**
 * How long the last offset of a batch waits before it is committed, at least (at most twice
 * that). At this system's rates most batches hold one event, and each commit is a request the
 * broker writes to its offsets log, much like the event itself: the batches of a partition
 * that come meanwhile are committed once, and the deferred commits of every partition fall
 * due on the same beat (a multiple of this delay), so that the client can send them in one
 * request (the kafkajs adapter does). What was handled is already recorded (the inbox, or the
 * handler's own documents), so a crash or a rebalance in between only delivers those events
 * again, and they are dropped as every redelivery is.
 */
export const COMMIT_DELAY_MS = 500;

/** A partition's last handled offset, waiting for its commit. */
interface DeferredCommit {
  batch: PartitionBatch;
  offset: string;
  timer: NodeJS.Timeout;
  /** Commits of it that failed so far (a rebalance under way, the broker away). */
  failures: number;
}

/**
 * A failed commit of one offset is tried again, a growing delay apart (at most
 * COMMIT_RETRY_MAX_MS), for as long as the partition is this member's: on a partition that
 * gets no new message nothing else would commit it, and its lag would show for good. A
 * client that keeps its partitions and its position through a broker's restart
 * (platformatic) left such a lag when the retries stopped after five attempts and the broker
 * was away longer (the two-instance chaos run, a slip topic's partition never committed).
 * The failure is logged once it has failed COMMIT_ATTEMPTS times.
 */
const COMMIT_ATTEMPTS = 5;
const COMMIT_RETRY_MAX_MS = 5_000;

export interface EventServerOptions {
  /** Partitions handled at once; order is kept within each partition (hence per dossier). */
  concurrency: number;
  /** Partitions for the topics this service creates. */
  partitions: number;
  /** Commit at least every this many messages within a batch. */
  commitEvery: number;
}

/**
 * A Nest transport for the bus: services keep writing `@EventPattern(Topics.X)` handlers,
 * and get what the stock Kafka transport lacks — signature and contract checks, an inbox,
 * offsets committed only after the effect is stored, non-blocking retry topics, a
 * dead-letter topic, and a drain on shutdown that also flushes the outbox.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  override readonly propagatesEventHandlerErrors = true;
  private readonly log = new Logger('events');
  private consumer?: BrokerConsumer;
  private readonly pipeline: EventPipeline;
  /** By partition (`topic/partition`): the offset to commit after COMMIT_DELAY_MS. */
  private readonly deferred = new Map<string, DeferredCommit>();
  /** Closing: every commit is made at once. */
  private closing = false;
  /** By contract topic: its handler, as the pipeline calls it (registered before listen). */
  private readonly handles = new Map<string, Handle | undefined>();

  constructor(
    private readonly broker: BrokerClient,
    private readonly topology: Topology,
    inbox: InboxRepository,
    deadLetters: DeadLetterService,
    private readonly relay: OutboxRelay,
    private readonly options: EventServerOptions,
    signing?: EventSigning,
  ) {
    super();
    this.pipeline = new EventPipeline(
      topology,
      broker,
      inbox,
      deadLetters,
      (topic) => this.handlerFor(topic),
      signing,
    );
  }

  /** Deferred work waits for its agency, in order, while this gate says so. */
  useAgencyGate(gate: AgencyGate): void {
    this.pipeline.gate = gate;
  }

  private handlerFor(topic: string): Handle | undefined {
    // Looked up once per topic: Nest's lookup tries JSON.parse on the pattern and catches
    // the error, for every message (1.5 % of the backbone's CPU, issue 18's tenth pass).
    if (!this.handles.has(topic)) this.handles.set(topic, this.makeHandle(topic));
    return this.handles.get(topic);
  }

  private makeHandle(topic: string): Handle | undefined {
    const handler = this.getHandlerByPattern(topic);
    if (!handler) return undefined;
    return Object.assign(
      async (event: object, context: EventMessageContext) => {
        const result = await handler(event, context);
        await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
      },
      { appliedOnce: handler.extras?.appliedOnce === true },
    );
  }

  async listen(callback: (err?: unknown) => void): Promise<void> {
    try {
      const topics = [...this.messageHandlers.keys()].filter(isKnownTopic) as TopicName[];
      const physical = topics.map((t) => this.topology.topic(t));
      const own = [...this.topology.retryTopics, this.topology.deadLetterTopic];
      await this.broker.ensureTopics([...physical, ...own], this.options.partitions);
      if (topics.length > 0) {
        this.consumer = await this.broker.consumer({
          groupId: this.topology.groupId,
          topics: [...physical, ...this.topology.retryTopics],
          concurrency: this.options.concurrency,
        });
        await this.consumer.run((batch) => this.handleBatch(batch));
        this.log.log(`consuming ${topics.join(', ')} as ${this.topology.groupId}`);
      }
      callback();
    } catch (err) {
      callback(err);
    }
  }

  /**
   * One partition's messages in order; the inbox is saved before each offset is committed
   * (within a long batch every `commitEvery` messages, at its end a moment later: see
   * COMMIT_DELAY_MS).
   */
  private async handleBatch(batch: PartitionBatch): Promise<void> {
    const inbox = this.pipeline.openInbox();
    let uncommitted: string | undefined;
    let sinceCommit = 0;
    const commit = async (offset: string, later: boolean) => {
      await inbox.save();
      batch.handled(offset);
      if (later && !this.closing) this.commitLater(batch, offset);
      else await this.commitNow(batch, offset);
      uncommitted = undefined;
      sinceCommit = 0;
    };
    try {
      for (const message of batch.messages) {
        if (!batch.isRunning()) break;
        const outcome = await this.whileAlive(batch, () =>
          this.pipeline.process(message, batch, inbox),
        );
        if (outcome === 'interrupted') break;
        uncommitted = message.offset;
        if (++sinceCommit >= this.options.commitEvery) await commit(uncommitted, false);
      }
      if (uncommitted !== undefined) await commit(uncommitted, true);
    } finally {
      // Whatever ended the batch early (a rebalance, a failed commit), the events handled so
      // far are recorded: their redelivery is then dropped by the inbox.
      await inbox.save().catch(() => undefined);
    }
  }

  /**
   * Runs one message's work while telling the group this member is alive. kafkajs sends
   * heartbeats only between batches or when asked: a long batch, or one long handler (the
   * land registry noting an agency's return on every dossier that waited for it took
   * longer than the 30 s session in the backlog benchmark), got the member evicted, its
   * next commit refused and its partitions handed round again.
   */
  private async whileAlive<T>(batch: PartitionBatch, work: () => Promise<T>): Promise<T> {
    const beat = () => void batch.heartbeat().catch(() => undefined);
    const timer = setInterval(beat, HEARTBEAT_EVERY_MS);
    try {
      return await work();
    } finally {
      clearInterval(timer);
      beat();
    }
  }

  /** Commits a partition's offset now; a later offset of it waiting to be committed is dropped. */
  private async commitNow(batch: PartitionBatch, offset: string): Promise<void> {
    const key = `${batch.topic}/${batch.partition}`;
    const waiting = this.deferred.get(key);
    if (waiting && BigInt(waiting.offset) <= BigInt(offset)) {
      clearTimeout(waiting.timer);
      this.deferred.delete(key);
    }
    await batch.commit(offset);
    const { groupId } = this.topology;
    noteCommitted(groupId, batch.topic, batch.partition, offset, batch.highWatermark);
  }

  /** Commits a partition's offset after COMMIT_DELAY_MS, unless a later one replaces it. */
  private commitLater(batch: PartitionBatch, offset: string, failures = 0): void {
    const key = `${batch.topic}/${batch.partition}`;
    clearTimeout(this.deferred.get(key)?.timer);
    const delay = Math.min(COMMIT_DELAY_MS * (failures + 1), COMMIT_RETRY_MAX_MS);
    const due = Math.ceil((Date.now() + delay) / COMMIT_DELAY_MS) * COMMIT_DELAY_MS;
    const timer = setTimeout(() => void this.commitWaiting(key), due - Date.now());
    timer.unref();
    this.deferred.set(key, { batch, offset, timer, failures });
  }

  private async commitWaiting(key: string): Promise<void> {
    const waiting = this.deferred.get(key);
    if (!waiting) return;
    // The partition went to another member meanwhile (or this consumer was replaced): that
    // one commits what it handles, and an older offset committed now would take the group
    // back behind it, leaving a lag that nothing clears on a quiet partition.
    if (!waiting.batch.stillAssigned()) {
      clearTimeout(waiting.timer);
      this.deferred.delete(key);
      return;
    }
    try {
      await this.commitNow(waiting.batch, waiting.offset);
    } catch (err) {
      const failures = waiting.failures + 1;
      if (failures === COMMIT_ATTEMPTS)
        this.log.warn(`offset ${waiting.offset} of ${key} not committed yet: ${String(err)}`);
      // Tried again unless a later offset of the partition took its place meanwhile. When
      // the partition went to another member, that one starts from the last commit and the
      // events handled since are dropped as redeliveries.
      if (!this.closing && !this.deferred.has(key) && waiting.batch.stillAssigned())
        this.commitLater(waiting.batch, waiting.offset, failures);
    }
  }

  /** SIGTERM: stop fetching, let in-flight handlers finish and commit, then flush the outbox. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.deferred.keys()].map((key) => this.commitWaiting(key)));
    await this.consumer?.stop();
    this.consumer = undefined;
    this.relay.stop();
    await this.relay.flush();
    await this.broker.close();
  }

  on(): never {
    throw new Error('KafkaEventServer does not emit transport events');
  }

  unwrap<T>(): T {
    return this.broker as T;
  }
}
