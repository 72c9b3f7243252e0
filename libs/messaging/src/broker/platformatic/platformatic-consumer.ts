import { Logger } from '@nestjs/common';
import {
  Consumer,
  Message,
  MessagesStream,
  MessagesStreamFallbackModes,
  MessagesStreamModes,
  stringDeserializer,
} from '@platformatic/kafka';
import {
  BrokerConsumer,
  BrokerOptions,
  ConsumerOptions,
  FETCH_MAX_WAIT_MS,
  IncomingMessage,
  PartitionBatch,
} from '../broker-client';
import { connectionOptions, watchErrors } from './platformatic-connection';

type RawMessage = Message<string | undefined, Buffer, string, string>;
type Client = Consumer<string | undefined, Buffer, string, string>;
type Stream = MessagesStream<string | undefined, Buffer, string, string>;

/** One partition's messages waiting for its next batch (one batch at a time keeps order). */
interface PartitionQueue {
  topic: string;
  partition: number;
  messages: IncomingMessage[];
  running: boolean;
  /** Bumped when a rebalance takes the partition away: its batch in flight is stale. */
  epoch: number;
}

/** An offset this member committed, and the epochs it held the partition under then. */
interface Committed {
  topic: string;
  partition: number;
  /** The offset committed: the next one to read. */
  next: bigint;
  consumerEpoch: number;
  queueEpoch: number;
}

/** Messages held in the queues before the stream is paused (resumed below half of it). */
const MAX_BUFFERED = 2000;
/** How often the partitions' high watermarks are read for the consumer lag metric. */
const WATERMARKS_EVERY_MS = 5000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * BrokerConsumer on @platformatic/kafka. The library hands out a stream of single messages;
 * this groups them into per-partition batches handled one at a time per partition and up
 * to `concurrency` partitions at once (kafkajs's eachBatch with partitionsConsumedConcurrently),
 * with explicit offset commits. The library heartbeats on its own timer, whatever the
 * handlers do, so heartbeat() has nothing to do.
 */
export class PlatformaticConsumer implements BrokerConsumer {
  private readonly logger: Logger;
  private handler?: (batch: PartitionBatch) => Promise<void>;
  private stopping = false;
  /** Bumped at every rebalance and restart: a batch of an older epoch is stale. */
  private epoch = 0;
  private readonly queues = new Map<string, PartitionQueue>();
  private readonly ready: string[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private buffered = 0;
  private paused = false;
  private restarting = false;
  private readonly watermarks = new Map<string, string>();
  /** The library's assignment list the set below was built from (see assigned()). */
  private assignedFrom: Client['assignments'] = null;
  private assignedSet = new Set<string>();
  /** What this member last committed of each partition, and when it held it (restoreCommits). */
  private readonly lastCommits = new Map<string, Committed>();
  /** Commits of a partition under way (restoreCommits leaves those partitions alone). */
  private readonly committing = new Map<string, number>();
  /** The partitions held since the last rebalance (see refetchGained). */
  private held = new Set<string>();
  private watermarkTimer?: NodeJS.Timeout;

  private constructor(
    private readonly broker: BrokerOptions,
    private readonly options: ConsumerOptions,
    private consumer: Client,
    private stream: Stream,
  ) {
    this.logger = new Logger(`kafka:${options.groupId}`);
  }

  static async create(broker: BrokerOptions, options: ConsumerOptions) {
    const [consumer, stream] = await PlatformaticConsumer.subscribe(broker, options, 30);
    return new PlatformaticConsumer(broker, options, consumer, stream);
  }

  private static async subscribe(
    broker: BrokerOptions,
    options: ConsumerOptions,
    attempts: number,
    onError?: (err: Error) => void,
  ): Promise<[Client, Stream]> {
    // Just after its topics were created, the broker may still answer "does not host this
    // topic-partition" (KRaft metadata reaches the broker a moment later): try again.
    for (let attempt = 1; ; attempt++) {
      const consumer = watchErrors(
        new Consumer<string | undefined, Buffer, string, string>({
          ...connectionOptions(broker),
          groupId: options.groupId,
          // The kafkajs adapter's group settings.
          sessionTimeout: 30_000,
          rebalanceTimeout: 60_000,
          heartbeatInterval: 3_000,
          maxWaitTime: FETCH_MAX_WAIT_MS,
          autocommit: false,
          deserializers: {
            key: stringDeserializer,
            headerKey: (data?: Buffer) => data?.toString() ?? '',
            headerValue: (data?: Buffer) => data?.toString() ?? '',
          },
        }),
        options.groupId,
        onError,
      );
      try {
        const stream = await consumer.consume({
          topics: options.topics,
          autocommit: false,
          // From the group's committed offsets; a new group from the start (or the end).
          mode: MessagesStreamModes.COMMITTED,
          fallbackMode:
            (options.fromBeginning ?? true)
              ? MessagesStreamFallbackModes.EARLIEST
              : MessagesStreamFallbackModes.LATEST,
        });
        return [consumer, stream];
      } catch (err) {
        await consumer.close().catch(() => undefined);
        if (attempt >= attempts) throw err;
        await sleep(200 * Math.min(attempt, 5));
      }
    }
  }

  async run(handler: (batch: PartitionBatch) => Promise<void>): Promise<void> {
    this.handler = handler;
    this.attach();
    this.watermarkTimer = setInterval(() => void this.readWatermarks(), WATERMARKS_EVERY_MS);
    this.watermarkTimer.unref();
    void this.readWatermarks();
  }

  private attach(): void {
    const { consumer, stream } = this;
    consumer.on('consumer:group:join', () => {
      if (consumer !== this.consumer) return;
      this.forgetRevoked();
      this.refetchGained(stream);
    });
    // An 'error' on the consumer means it lost the group (a rejoin failed): start afresh.
    consumer.on('error', () => {
      if (consumer === this.consumer) void this.restart('the consumer lost its group');
    });
    stream.on('data', (message: RawMessage) => this.receive(message));
    stream.on('error', (err: Error) => {
      if (stream === this.stream) void this.restart(err.message);
    });
    stream.on('close', () => {
      if (stream === this.stream) void this.restart('the stream closed');
    });
  }

  private receive(message: RawMessage): void {
    const key = `${message.topic}:${message.partition}`;
    // Of a partition no longer ours (fetched before a rebalance): its new owner reads it.
    // While a rebalance is under way the library has no assignment: kept until it is over.
    const assigned = this.assigned();
    if (this.stopping || (assigned.size > 0 && !assigned.has(key))) return;
    let queue = this.queues.get(key);
    if (!queue) {
      queue = {
        topic: message.topic,
        partition: message.partition,
        messages: [],
        running: false,
        epoch: 0,
      };
      this.queues.set(key, queue);
    }
    queue.messages.push({
      topic: message.topic,
      partition: message.partition,
      offset: message.offset.toString(),
      key: message.key ?? null,
      value: message.value ?? null,
      headers: Object.fromEntries(message.headers),
      timestamp: Number(message.timestamp),
      receivedAt: Date.now(),
    });
    this.buffered++;
    if (queue.messages.length === 1 && !queue.running) this.ready.push(key);
    if (this.buffered >= MAX_BUFFERED && !this.paused) {
      this.paused = true;
      this.stream.pause();
    }
    this.schedule();
  }

  private schedule(): void {
    while (this.inFlight.size < this.options.concurrency && this.ready.length > 0) {
      const queue = this.queues.get(this.ready.shift() as string);
      if (!queue || queue.running || queue.messages.length === 0) continue;
      const done = this.runBatch(queue).finally(() => {
        this.inFlight.delete(done);
        queue.running = false;
        if (queue.messages.length > 0) this.ready.push(`${queue.topic}:${queue.partition}`);
        this.schedule();
      });
      this.inFlight.add(done);
    }
  }

  private async runBatch(queue: PartitionQueue): Promise<void> {
    const handler = this.handler;
    if (!handler) return;
    queue.running = true;
    const messages = queue.messages.splice(0);
    this.release(messages.length);
    const { epoch, consumer } = this;
    const { topic, partition, epoch: queueEpoch } = queue;
    try {
      await handler({
        topic,
        partition,
        messages,
        highWatermark: this.watermarks.get(`${topic}:${partition}`),
        heartbeat: () => Promise.resolve(),
        isRunning: () => !this.stopping && epoch === this.epoch && queueEpoch === queue.epoch,
        // A partition kept through a rebalance goes on from where it was (forgetRevoked).
        stillAssigned: () => epoch === this.epoch && queueEpoch === queue.epoch,
        // The stream's position moves on by itself: nothing to note.
        handled: () => undefined,
        commit: async (offset) => {
          const next = BigInt(offset) + 1n;
          const key = `${topic}:${partition}`;
          this.committing.set(key, (this.committing.get(key) ?? 0) + 1);
          try {
            // One request per partition, not CommitsTogether (../commits-together.ts): the
            // library repeats a commit refused during a rebalance once it has joined again,
            // so a request of several partitions would put back the old offsets of every
            // partition that went to another member meanwhile. Tried in the eighth pass
            // (issue 18): a two-instance chaos run was left with a quiet partition's offset
            // behind for good.
            await consumer.commit({
              // -1: no leader epoch (KIP-320's check is optional; the offset is what counts).
              offsets: [{ topic, partition, offset: next, leaderEpoch: -1 }],
            });
          } finally {
            this.committing.set(key, (this.committing.get(key) ?? 1) - 1);
          }
          // Remembered only while the partition is still this member's (restoreCommits).
          const mine = { topic, partition, next, consumerEpoch: epoch, queueEpoch };
          if (!this.stillHolds(mine)) return;
          const last = this.lastCommits.get(key);
          if (!last || !this.stillHolds(last) || last.next < next) this.lastCommits.set(key, mine);
        },
      });
    } catch (err) {
      // A failure of our own pipeline (the database briefly gone, say) must not stop the
      // consumer for good: start again from the committed offsets, as kafkajs restarts.
      if (epoch === this.epoch && !this.stopping)
        void this.restart(`a batch failed: ${(err as Error).message}`);
    }
  }

  /**
   * The partitions assigned to this member now, as `topic:partition`. Read for every message:
   * built again only when the library replaces its assignment list (at each join or leave).
   */
  private assigned(): Set<string> {
    const list = this.consumer.assignments;
    if (list !== this.assignedFrom) {
      this.assignedFrom = list;
      this.assignedSet = new Set(
        (list ?? []).flatMap(({ topic, partitions }) => partitions.map((p) => `${topic}:${p}`)),
      );
    }
    return this.assignedSet;
  }

  /**
   * After a rebalance: what this member lost is dropped (its queue, its batch in flight),
   * what it kept goes on. The library fetches a kept partition again from the group's
   * committed offset, but where the group never committed one it goes on from where it
   * was: dropping what is queued there lost it for good (a notification group kept a lag of
   * 46 in the two-instance chaos run; consumer-rebalance.int-spec). Kept messages that come
   * again are handled again, and dropped as every redelivery.
   */
  private forgetRevoked(): void {
    const kept = this.assigned();
    for (const [key, queue] of this.queues) {
      if (kept.has(key)) continue;
      queue.epoch++;
      this.release(queue.messages.splice(0).length);
    }
  }

  /**
   * After a rebalance: a partition this member did not hold before is read from the group's
   * committed offset, or from the start if the group never committed one. The library goes
   * on from its own position on a partition the group never committed, even one it held
   * generations ago: what another member handled there meanwhile without committing (an
   * instance killed before its deferred commit) was never fetched again, and the lag stayed
   * for good (a tax slip topic in the two-instance chaos run; consumer-rebalance.int-spec).
   * The library's join listener runs first and reads the offsets asynchronously; a position
   * forgotten here is then seeded again from the committed offset, else the earliest.
   */
  private refetchGained(stream: Stream): void {
    const now = this.assigned();
    for (const key of now) if (!this.held.has(key)) stream.offsetsToFetch.delete(key);
    this.held = new Set(now);
  }

  /** Drops what is queued and makes the batches in flight stale. */
  private forget(): void {
    this.epoch++;
    for (const queue of this.queues.values()) this.release(queue.messages.splice(0).length);
    this.ready.length = 0;
  }

  private release(count: number): void {
    this.buffered -= count;
    if (this.paused && this.buffered < MAX_BUFFERED / 2 && !this.stopping) {
      this.paused = false;
      this.stream.resume();
    }
  }

  private async readWatermarks(): Promise<void> {
    // The broker away or a rebalance under way: tried again at the next beat.
    await this.restoreCommits().catch(() => undefined);
    try {
      const latest = await this.consumer.listOffsets({ topics: this.options.topics });
      for (const [topic, offsets] of latest)
        offsets.forEach((offset, partition) =>
          this.watermarks.set(`${topic}:${partition}`, offset.toString()),
        );
    } catch {
      // Only the lag metric misses a beat.
    }
  }

  /**
   * Puts back the offsets this member committed on the partitions it still holds where the
   * group's offset is now behind them. The library retries a commit refused for an old
   * generation after joining again, so a member's commit of a partition it has just lost
   * can land after the new owner's later one: the group went back (offsets 33 → 25 of an
   * agency-availability partition in the two-instance chaos run, read from
   * `__consumer_offsets`), and on a quiet partition nothing else would move it on. Nothing
   * is lost meanwhile (a crash would only deliver those events again); the lag would show
   * for good.
   */
  private async restoreCommits(): Promise<void> {
    if (this.stopping || this.restarting) return;
    for (const [key, c] of this.lastCommits) if (!this.stillHolds(c)) this.lastCommits.delete(key);
    // Rechecked after the read: a rebalance or a commit of ours may come meanwhile.
    const checkable = (c: Committed) => {
      const key = `${c.topic}:${c.partition}`;
      return this.stillHolds(c) && this.assigned().has(key) && !this.committing.get(key);
    };
    const mine = [...this.lastCommits.values()].filter(checkable);
    if (mine.length === 0) return;
    const partitions = new Map<string, number[]>();
    for (const c of mine)
      partitions.set(c.topic, [...(partitions.get(c.topic) ?? []), c.partition]);
    const found = await this.consumer.listCommittedOffsets({
      topics: [...partitions].map(([topic, list]) => ({ topic, partitions: list })),
    });
    const behind = mine.filter(
      (c) => checkable(c) && (found.get(c.topic)?.[c.partition] ?? -1n) < c.next,
    );
    if (behind.length === 0) return;
    await this.consumer.commit({
      offsets: behind.map(({ topic, partition, next }) => ({
        topic,
        partition,
        offset: next,
        leaderEpoch: -1,
      })),
    });
    this.logger.warn(
      `the group's offset went back behind this member's commit (a late commit of a former owner): committed again ${behind
        .map((c) => `${c.topic}/${c.partition}@${c.next}`)
        .join(', ')}`,
    );
  }

  /** Whether the partition of a commit is still held as it was when the commit was made. */
  private stillHolds(c: Committed): boolean {
    return (
      c.consumerEpoch === this.epoch &&
      this.queues.get(`${c.topic}:${c.partition}`)?.epoch === c.queueEpoch
    );
  }

  /** A new consumer and stream (leaving the group first): uncommitted messages come again. */
  private async restart(reason: string): Promise<void> {
    if (this.stopping || this.restarting) return;
    this.restarting = true;
    this.logger.warn(`consumer stopped after ${reason}; starting a new one`);
    this.forget();
    const [oldConsumer, oldStream] = [this.consumer, this.stream];
    await Promise.allSettled([...this.inFlight]);
    await oldStream.close().catch(() => undefined);
    await oldConsumer.close().catch(() => undefined);
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        const [consumer, stream] = await PlatformaticConsumer.subscribe(
          this.broker,
          this.options,
          1,
        );
        if (this.stopping) {
          await stream.close().catch(() => undefined);
          await consumer.close().catch(() => undefined);
          break;
        }
        [this.consumer, this.stream] = [consumer, stream];
        this.held = new Set();
        this.paused = false;
        this.attach();
        this.logger.log('consuming again');
        break;
      } catch (err) {
        this.logger.warn(`could not start a new consumer yet: ${String(err)}`);
        await sleep(Math.min(10_000, 500 * attempt));
      }
    }
    this.restarting = false;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.watermarkTimer);
    this.forget();
    this.stream.pause();
    // In-flight batches see isRunning() false, finish their message and commit.
    await Promise.allSettled([...this.inFlight]);
    await this.stream.close().catch(() => undefined);
    await this.consumer.close();
  }
}
