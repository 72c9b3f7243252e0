import { Consumer, Kafka } from 'kafkajs';
import { BrokerConsumer, ConsumerOptions, Headers, PartitionBatch } from '../broker-client';

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

/** BrokerConsumer on kafkajs: eachBatch, no auto-commit, explicit offset commits. */
export class KafkajsConsumer implements BrokerConsumer {
  private readonly consumer: Consumer;

  private constructor(
    kafka: Kafka,
    private readonly options: ConsumerOptions,
  ) {
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      maxWaitTimeInMs: 100,
      // A failure of our own pipeline (the database briefly gone, say) must not stop the
      // consumer for good: kafkajs restarts it and the uncommitted batch is delivered again.
      retry: { retries: 10, restartOnFailure: () => Promise.resolve(true) },
    });
  }

  static async create(kafka: Kafka, options: ConsumerOptions): Promise<KafkajsConsumer> {
    // Just after its topics were created, the broker may still answer "does not host this
    // topic-partition" (KRaft metadata reaches the broker a moment later): try again.
    for (let attempt = 1; ; attempt++) {
      const consumer = new KafkajsConsumer(kafka, options);
      try {
        await consumer.consumer.connect();
        await consumer.consumer.subscribe({
          topics: options.topics,
          fromBeginning: options.fromBeginning ?? true,
        });
        return consumer;
      } catch (err) {
        await consumer.consumer.disconnect().catch(() => undefined);
        if (attempt >= 30) throw err;
        await new Promise((r) => setTimeout(r, 200 * Math.min(attempt, 5)));
      }
    }
  }

  async run(handler: (batch: PartitionBatch) => Promise<void>): Promise<void> {
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.concurrency,
      eachBatch: async ({ batch, heartbeat, isRunning, isStale, resolveOffset }) => {
        await handler({
          topic: batch.topic,
          partition: batch.partition,
          messages: batch.messages.map((m) => ({
            topic: batch.topic,
            partition: batch.partition,
            offset: m.offset,
            key: m.key?.toString() ?? null,
            value: m.value,
            headers: headersOf(m.headers),
          })),
          heartbeat,
          isRunning: () => isRunning() && !isStale(),
          commit: async (offset) => {
            resolveOffset(offset);
            await this.consumer.commitOffsets([
              {
                topic: batch.topic,
                partition: batch.partition,
                offset: (BigInt(offset) + 1n).toString(),
              },
            ]);
          },
        });
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer.stop();
    await this.consumer.disconnect();
  }
}
