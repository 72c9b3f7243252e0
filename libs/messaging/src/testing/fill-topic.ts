import { BrokerClient } from '../broker/broker-client';

/** Creates the topic (`partitions` of them) and sends `count` messages to it, keyed by dossier. */
export async function fillTopic(
  producer: BrokerClient,
  topic: string,
  partitions: number,
  count: number,
): Promise<void> {
  await producer.ensureTopics([topic], partitions);
  await producer.send(
    Array.from({ length: count }, (_, i) => ({
      topic,
      key: `dossier-${i}`,
      value: JSON.stringify({ i }),
      headers: {},
    })),
  );
}
