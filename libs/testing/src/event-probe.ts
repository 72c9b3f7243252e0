import { randomUUID } from 'node:crypto';
import { Consumer, Kafka } from 'kafkajs';
import { createEnvelope, EventEnvelope, PayloadOf, TopicName } from '@lien-thong/contracts';
import { eventually, testKafka, uniqueName } from '@lien-thong/test-infra';
import { producerOf, signatureHeaders } from './signed-events';

// Tests talk to Kafka with kafkajs directly: this library must not depend on the messaging
// library, whose own tests use it.
async function ensureTopics(kafka: Kafka, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length > 0)
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((topic) => ({ topic, numPartitions: 6 })),
      });
    for (const topic of missing)
      await eventually(
        async () => {
          const {
            topics: [meta],
          } = await admin.fetchTopicMetadata({ topics: [topic] });
          return meta.partitions.length === 6 &&
            meta.partitions.every((p) => p.leader >= 0 && p.partitionErrorCode === 0)
            ? true
            : undefined;
        },
        15_000,
        `${topic} to have leaders`,
      );
  } finally {
    await admin.disconnect();
  }
}

const physical = (namespace: string | undefined, topic: string) =>
  namespace ? `${namespace}.${topic}` : topic;

/**
 * Listens on topics like an outside observer (its own consumer group, from the start), so a
 * test can assert what services published, e.g. "exactly one ObligationsAssessed".
 */
export class EventProbe {
  readonly received: { topic: TopicName; envelope: EventEnvelope<object> }[] = [];
  private consumer?: Consumer;

  static async listen(namespace: string | undefined, topics: TopicName[]): Promise<EventProbe> {
    const probe = new EventProbe();
    const kafka = testKafka('probe');
    await ensureTopics(
      kafka,
      topics.map((t) => physical(namespace, t)),
    );
    // Right after topic creation a subscription can fail, or join without the newest topics'
    // partitions: try again with a fresh consumer until every topic is assigned.
    const names = topics.map((t) => physical(namespace, t));
    probe.consumer = await eventually(
      async () => {
        probe.received.length = 0;
        const consumer = kafka.consumer({ groupId: uniqueName('probe'), maxWaitTimeInMs: 100 });
        try {
          const joined = new Promise<Record<string, number[]>>((resolve) =>
            consumer.on(consumer.events.GROUP_JOIN, (e) => resolve(e.payload.memberAssignment)),
          );
          await consumer.connect();
          await consumer.subscribe({ topics: names, fromBeginning: true });
          await consumer.run({
            eachMessage: async ({ topic, message }) => {
              const contract = (namespace ? topic.slice(namespace.length + 1) : topic) as TopicName;
              probe.received.push({
                topic: contract,
                envelope: JSON.parse(message.value?.toString() ?? '{}') as EventEnvelope<object>,
              });
            },
          });
          const assignment = await joined;
          if (names.some((n) => !(n in assignment)))
            throw new Error('not every topic was assigned');
          return consumer;
        } catch (err) {
          await consumer.disconnect();
          throw err;
        }
      },
      30_000,
      'the probe to be assigned every topic',
    );
    return probe;
  }

  of<T extends TopicName>(topic: T, dossierKey?: string): EventEnvelope<PayloadOf<T>>[] {
    return this.received
      .filter(
        (r) =>
          r.topic === topic && (dossierKey === undefined || r.envelope.dossierKey === dossierKey),
      )
      .map((r) => r.envelope as EventEnvelope<PayloadOf<T>>);
  }

  /** Waits until at least `count` events of the topic (for the dossier) have been seen. */
  async waitFor<T extends TopicName>(
    topic: T,
    dossierKey?: string,
    count = 1,
    timeoutMs = 30_000,
  ): Promise<EventEnvelope<PayloadOf<T>>[]> {
    return eventually(
      () => {
        const seen = this.of(topic, dossierKey);
        return seen.length >= count ? seen : undefined;
      },
      timeoutMs,
      `${count} ${topic} event(s)${dossierKey ? ` for ${dossierKey}` : ''}`,
    );
  }

  async close(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

/**
 * Publishes one contract event as its producing service would, signed with that service's
 * key (for tests that play the other side).
 */
export async function publishEvent<T extends TopicName>(
  namespace: string | undefined,
  topic: T,
  dossierKey: string,
  payload: PayloadOf<T>,
  correlationId: string = randomUUID(),
): Promise<EventEnvelope<PayloadOf<T>>> {
  const envelope = createEnvelope(topic, dossierKey, payload, producerOf(topic), { correlationId });
  await redeliver(namespace, topic, envelope);
  return envelope;
}

/** Sends an envelope again, same event id and signature (a broker or relay repeating itself). */
export async function redeliver(
  namespace: string | undefined,
  topic: TopicName,
  envelope: EventEnvelope<unknown>,
): Promise<void> {
  const kafka = testKafka('test-publisher');
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({
      topic: physical(namespace, topic),
      messages: [
        {
          key: envelope.dossierKey,
          value: JSON.stringify(envelope),
          headers: signatureHeaders(topic, envelope),
        },
      ],
    });
  } finally {
    await producer.disconnect();
  }
}
