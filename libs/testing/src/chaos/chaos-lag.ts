import { CONSUMED_TOPICS } from '@lien-thong/contracts';
import { testKafka } from '@lien-thong/test-infra';

/** What each service consumes (its @EventPattern handlers), besides its own retry topics. */
export const CONSUMED = CONSUMED_TOPICS;

/**
 * Messages not yet committed by each service's consumer group, over every topic it reads
 * including its retry topics: 0 everywhere means nothing is waiting anywhere on the bus (a deferred
 * event sitting out its delay counts as waiting).
 */
export async function consumerLag(
  namespace: string,
  retryLevels: number,
): Promise<Record<string, number>> {
  const kafka = testKafka('chaos-lag');
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const lag: Record<string, number> = {};
    for (const [service, topics] of Object.entries(CONSUMED)) {
      lag[service] = 0;
      const groupId = `${namespace}.lien-thong.${service}`;
      const physical = [
        ...topics.map((t) => `${namespace}.${t}`),
        ...Array.from({ length: retryLevels }, (_, i) => `${groupId}.retry-${i + 1}`),
      ].filter((t) => existing.has(t));
      const committed = await admin.fetchOffsets({ groupId, topics: physical });
      for (const { topic, partitions } of committed) {
        const ends = await admin.fetchTopicOffsets(topic);
        for (const p of partitions) {
          const end = ends.find((e) => e.partition === p.partition);
          if (!end) continue;
          const from = Number(p.offset) >= 0 ? Number(p.offset) : Number(end.low);
          lag[service] += Math.max(0, Number(end.high) - from);
        }
      }
    }
    return lag;
  } finally {
    await admin.disconnect();
  }
}
