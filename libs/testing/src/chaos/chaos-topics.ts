import { testKafka, uniqueName } from '@lien-thong/test-infra';

export interface TopicMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string;
  headers: Record<string, string>;
}

/**
 * Reads whole topics from the beginning up to their current end (the history the audit
 * checks), with a consumer group of its own so that no service's offsets move.
 */
export async function readTopics(topics: string[]): Promise<Map<string, TopicMessage[]>> {
  const kafka = testKafka('chaos-auditor');
  const admin = kafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  const wanted = topics.filter((t) => existing.has(t));
  const remaining = new Map<string, bigint>();
  for (const topic of wanted) {
    for (const p of await admin.fetchTopicOffsets(topic)) {
      if (BigInt(p.high) > BigInt(p.low)) remaining.set(`${topic}:${p.partition}`, BigInt(p.high));
    }
  }
  await admin.disconnect();
  const read = new Map<string, TopicMessage[]>(topics.map((t) => [t, []]));
  if (remaining.size === 0) return read;
  const consumer = kafka.consumer({ groupId: uniqueName('chaos-audit'), maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topics: wanted, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`topics not read to the end: ${[...remaining.keys()].join(', ')}`)),
      120_000,
    );
    consumer
      .run({
        eachMessage: async ({ topic, partition, message }) => {
          const headers: Record<string, string> = {};
          for (const [name, v] of Object.entries(message.headers ?? {}))
            if (v !== undefined)
              headers[name] = (Array.isArray(v) ? v[v.length - 1] : v).toString();
          read.get(topic)?.push({
            topic,
            partition,
            offset: message.offset,
            key: message.key?.toString() ?? null,
            value: message.value?.toString() ?? '',
            headers,
          });
          const id = `${topic}:${partition}`;
          const high = remaining.get(id);
          if (high !== undefined && BigInt(message.offset) + 1n >= high) remaining.delete(id);
          if (remaining.size === 0) {
            clearTimeout(timer);
            resolve();
          }
          return Promise.resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return read;
}
