import { Kafka, logLevel } from 'kafkajs';
import { eventually, testInfra, testKafka, uniqueName } from '@lien-thong/test-infra';
import { BrokerClient, BrokerConsumer, ConsumerOptions, PartitionBatch } from './broker-client';
import { createBrokerClient } from './broker-factory';
import { KafkajsConsumer } from './kafkajs/kafkajs-consumer';
import { fillTopic } from '../testing/fill-topic';

jest.setTimeout(120_000);

const PARTITIONS = 4;
const MESSAGES = 40;

/**
 * A kafkajs consumer, and how many OffsetCommit requests its client has sent (kafkajs logs
 * every request at debug level). Only kafkajs: the platformatic adapter commits each
 * partition in a request of its own (see its commit()).
 */
async function countedConsumer(
  options: ConsumerOptions,
): Promise<{ consumer: BrokerConsumer; commitRequests: () => number }> {
  let commits = 0;
  const kafka = new Kafka({
    clientId: 'commits-together-member',
    brokers: testInfra().kafkaBrokers.split(','),
    sasl: testInfra().kafkaSuperuser,
    logLevel: logLevel.DEBUG,
    logCreator:
      () =>
      ({ log }) => {
        if (/^Request OffsetCommit\b/.test(String(log.message))) commits++;
      },
  });
  return { consumer: await KafkajsConsumer.create(kafka, options), commitRequests: () => commits };
}

/**
 * The event server's deferred commits of every partition fall due together; the kafkajs
 * adapter sends the offsets committed in the same turn in one request (issue 18: a request per
 * partition was most of the broker's offset commits), and each partition's committed
 * position must still be where its handler left it.
 */
describe('offsets committed together (kafkajs)', () => {
  let producer: BrokerClient;
  let member: Awaited<ReturnType<typeof countedConsumer>> | undefined;
  const admin = testKafka('commits-together-admin').admin();

  beforeAll(async () => {
    producer = createBrokerClient(
      {
        brokers: testInfra().kafkaBrokers.split(','),
        clientId: 'commits-together-producer',
        sasl: testInfra().kafkaSuperuser,
      },
      'kafkajs',
    );
    await admin.connect();
  });
  afterAll(async () => {
    await member?.consumer.stop().catch(() => undefined);
    await producer.close();
    await admin.disconnect();
  });

  it('sends the positions of several partitions reached together in one request, each the furthest its handler committed', async () => {
    const topic = uniqueName('commits-together');
    const groupId = uniqueName('commits-together-group');
    await fillTopic(producer, topic, PARTITIONS, MESSAGES);
    const lastOf = new Map<number, { batch: PartitionBatch; first: string; last: string }>();
    let handled = 0;
    member = await countedConsumer({ groupId, topics: [topic], concurrency: PARTITIONS });
    await member.consumer.run(async (batch) => {
      const first = lastOf.get(batch.partition)?.first ?? batch.messages[0].offset;
      const last = batch.messages[batch.messages.length - 1].offset;
      batch.handled(last);
      lastOf.set(batch.partition, { batch, first, last });
      handled += batch.messages.length;
    });
    await eventually(
      () => (handled >= MESSAGES ? true : undefined),
      60_000,
      'every message handled',
    );
    expect(handled).toBe(MESSAGES);
    expect(lastOf.size).toBe(PARTITIONS);

    const before = member.commitRequests();
    // All at once, as deferred commits falling due on the same beat; partition 0 also
    // commits an earlier position in the same turn, which must not take it back.
    const commits = [...lastOf.values()].map(({ batch, last }) => batch.commit(last));
    const zero = lastOf.get(0);
    if (zero && zero.first !== zero.last) commits.push(zero.batch.commit(zero.first));
    await Promise.all(commits);

    expect(member.commitRequests() - before).toBe(1);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const high = await admin.fetchTopicOffsets(topic);
    for (const p of high)
      expect(committed.partitions.find((c) => c.partition === p.partition)?.offset).toBe(p.high);
  });
});
