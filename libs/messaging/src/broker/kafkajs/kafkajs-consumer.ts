import { Logger } from '@nestjs/common';
import { Consumer, Kafka } from 'kafkajs';
import {
  BrokerConsumer,
  ConsumerOptions,
  FETCH_MAX_WAIT_MS,
  Headers,
  PartitionBatch,
} from '../broker-client';
import { CommitsTogether } from '../commits-together';

function headersOf(
  raw: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined,
): Headers {
  const headers: Headers = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (value === undefined) continue;
    headers[name] = (Array.isArray(value) ? value[value.length - 1] : value).toString();
  }
  return headers;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** BrokerConsumer on kafkajs: eachBatch, no auto-commit, explicit offset commits. */
export class KafkajsConsumer implements BrokerConsumer {
  private readonly logger: Logger;
  private handler?: (batch: PartitionBatch) => Promise<void>;
  private stopping = false;
  /**
   * Bumped at every group join and consumer replacement. After either, kafkajs fetches each
   * partition again from the committed offset, so a batch of an earlier one commits no more.
   */
  private generation = 0;
  /** One commit request per turn of the event loop, by the consumer whose batches they end. */
  private readonly commits = new CommitsTogether<Consumer>((consumer, positions) =>
    consumer.commitOffsets(
      positions.map(({ topic, partition, next }) => ({ topic, partition, offset: String(next) })),
    ),
  );

  private constructor(
    private readonly kafka: Kafka,
    private readonly options: ConsumerOptions,
    private consumer: Consumer,
  ) {
    this.logger = new Logger(`kafka:${options.groupId}`);
  }

  static async create(kafka: Kafka, options: ConsumerOptions): Promise<KafkajsConsumer> {
    return new KafkajsConsumer(kafka, options, await KafkajsConsumer.subscribe(kafka, options, 30));
  }

  private static async subscribe(
    kafka: Kafka,
    options: ConsumerOptions,
    attempts: number,
  ): Promise<Consumer> {
    // Just after its topics were created, the broker may still answer "does not host this
    // topic-partition" (KRaft metadata reaches the broker a moment later): try again.
    for (let attempt = 1; ; attempt++) {
      const consumer = kafka.consumer({
        groupId: options.groupId,
        sessionTimeout: 30_000,
        heartbeatInterval: 3_000,
        maxWaitTimeInMs: FETCH_MAX_WAIT_MS,
        // A failure of our own pipeline (the database briefly gone, say) must not stop the
        // consumer for good: kafkajs restarts it and the uncommitted batch is delivered again.
        retry: { retries: 10, restartOnFailure: () => Promise.resolve(true) },
      });
      try {
        await consumer.connect();
        await consumer.subscribe({
          topics: options.topics,
          fromBeginning: options.fromBeginning ?? true,
        });
        return consumer;
      } catch (err) {
        await consumer.disconnect().catch(() => undefined);
        if (attempt >= attempts) throw err;
        await sleep(200 * Math.min(attempt, 5));
      }
    }
  }

  async run(handler: (batch: PartitionBatch) => Promise<void>): Promise<void> {
    this.handler = handler;
    await this.start(this.consumer);
  }

  private async start(consumer: Consumer): Promise<void> {
    const handler = this.handler;
    if (!handler) return;
    // kafkajs restarts a crashed consumer only after errors it deems retriable; after any
    // other ("The coordinator is not aware of this member" when a commit races a rebalance,
    // found by the chaos run) it stops for good while the service looks healthy. Build a
    // new consumer instead: uncommitted messages are delivered again, the inbox drops repeats.
    this.generation++;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      if (consumer === this.consumer) this.generation++;
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || this.stopping || consumer !== this.consumer) return;
      this.logger.warn(`consumer stopped after ${payload.error.message}; starting a new one`);
      void this.replace();
    });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.concurrency,
      eachBatch: async ({ batch, heartbeat, isRunning, isStale, resolveOffset }) => {
        // Resolved within the batch, or kafkajs fetches the batch again; a commit made after
        // the batch (a deferred one) only commits, so that it never moves the position back.
        let inBatch = true;
        const generation = this.generation;
        // kafkajs fetches again only once every batch of its last fetch is handled: a
        // message produced meanwhile is handed over only then (the hop's "broker" segment).
        const receivedAt = Date.now();
        const handled = (offset: string) => {
          if (inBatch) resolveOffset(offset);
        };
        try {
          await handler({
            topic: batch.topic,
            partition: batch.partition,
            highWatermark: batch.highWatermark,
            messages: batch.messages.map((m) => ({
              topic: batch.topic,
              partition: batch.partition,
              offset: m.offset,
              key: m.key?.toString() ?? null,
              value: m.value,
              headers: headersOf(m.headers),
              timestamp: Number(m.timestamp),
              receivedAt,
            })),
            heartbeat,
            isRunning: () => isRunning() && !isStale(),
            handled,
            stillAssigned: () => generation === this.generation && !this.stopping,
            commit: async (offset) => {
              handled(offset);
              await this.commits.commit(consumer, {
                topic: batch.topic,
                partition: batch.partition,
                next: BigInt(offset) + 1n,
              });
            },
          });
        } finally {
          inBatch = false;
        }
      },
    });
  }

  private async replace(): Promise<void> {
    await this.consumer.disconnect().catch(() => undefined);
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        const next = await KafkajsConsumer.subscribe(this.kafka, this.options, 1);
        if (this.stopping) {
          await next.disconnect();
          return;
        }
        this.consumer = next;
        await this.start(next);
        this.logger.log('consuming again');
        return;
      } catch (err) {
        this.logger.warn(`could not start a new consumer yet: ${String(err)}`);
        await sleep(Math.min(10_000, 500 * attempt));
      }
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer.stop();
    await this.consumer.disconnect();
  }
}
