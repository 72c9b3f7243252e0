import {
  AclOperations,
  AclPermissionTypes,
  Admin,
  compatibilityPartitioner,
  findErrorBy,
  ListOffsetTimestamps,
  ProduceAcks,
  Producer,
  ResourcePatternTypes,
  ResourceTypes,
  stringSerializers,
} from '@platformatic/kafka';
import {
  AccessRule,
  BrokerClient,
  BrokerConsumer,
  BrokerOptions,
  ClusterInfo,
  ConsumerOptions,
  OutgoingMessage,
} from '../broker-client';
import { connectionOptions, watchErrors } from './platformatic-connection';
import { PlatformaticConsumer } from './platformatic-consumer';

/** Attempts to send a batch (200 ms, doubling, between them: about 6 s in all), as kafkajs. */
const SEND_ATTEMPTS = 6;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * BrokerClient on @platformatic/kafka (maintained, pure JavaScript). Selected by
 * KAFKA_CLIENT=platformatic (broker-factory.ts); behaves as the kafkajs adapter through the
 * interface. Clients connect on first use and are shared.
 */
export class PlatformaticBrokerClient implements BrokerClient {
  private admin?: Admin;
  private producer?: Producer<string, string, string, string>;

  constructor(private readonly options: BrokerOptions) {}

  private connectedAdmin(): Admin {
    this.admin ??= watchErrors(
      new Admin({ ...connectionOptions(this.options), retries: 3, retryDelay: 200 }),
      this.options.clientId,
    );
    return this.admin;
  }

  private connectedProducer(): Producer<string, string, string, string> {
    this.producer ??= watchErrors(
      new Producer<string, string, string, string>({
        ...connectionOptions(this.options),
        // At-least-once, as the kafkajs adapter, not the library's idempotent mode: that one
        // forces unbounded retries (a send would never fail, and the outbox relay would wait
        // forever on a dead broker) and shares one sequence counter between the relay's
        // concurrent sends, which it resets after an error while other sends are being
        // prepared: a later batch can then reuse the sequence numbers of a written one, and
        // the broker acknowledges it as a duplicate without writing it (the loss kafkajs
        // issue #353 caused here). Acks from all in-sync replicas, one request in flight per
        // broker so that a retry cannot overtake, repeats absorbed by every consumer's inbox.
        idempotent: false,
        acks: ProduceAcks.ALL,
        maxInflights: 1,
        // kafkajs's DefaultPartitioner (Java's): a dossier's events land on the same
        // partition whichever client produced them, so a mixed deployment keeps their order.
        partitioner: compatibilityPartitioner,
        serializers: stringSerializers,
        // The whole batch is sent again by send() instead (see there).
        retries: 0,
      }),
      this.options.clientId,
    );
    return this.producer;
  }

  async ensureTopics(topics: string[], partitions: number): Promise<void> {
    const admin = this.connectedAdmin();
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((t) => !existing.has(t));
    if (missing.length === 0) return;
    await admin.createTopics({ topics: missing, partitions }).catch((err: Error) => {
      // Another service (or instance) created one of them meanwhile: that is the goal.
      if (!findErrorBy(err, 'apiId', 'TOPIC_ALREADY_EXISTS')) throw err;
    });
    // Kafka 4 answers "does not host this topic-partition" for a moment after creation, and
    // a consumer that joins while a topic's metadata still lacks partitions is given none
    // of them: wait until every partition has a leader that answers.
    const deadline = Date.now() + 15_000;
    for (;;) {
      try {
        const metadata = await admin.metadata({ topics: missing, forceUpdate: true });
        for (const topic of missing) {
          const meta = metadata.topics.get(topic);
          if (
            !meta ||
            meta.partitionsCount < partitions ||
            meta.partitions.some((p) => p.leader < 0)
          )
            throw new Error(`${topic} is not ready yet`);
        }
        await this.offsets(missing, ListOffsetTimestamps.LATEST, partitions);
        return;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await sleep(100);
      }
    }
  }

  /** Every partition's offset at `timestamp` (earliest or latest), per topic. */
  private async offsets(
    topics: string[],
    timestamp: bigint,
    partitions?: number,
  ): Promise<Map<string, bigint[]>> {
    const admin = this.connectedAdmin();
    const counts = new Map<string, number>();
    if (partitions === undefined) {
      const metadata = await admin.metadata({ topics });
      for (const topic of topics)
        counts.set(topic, metadata.topics.get(topic)?.partitionsCount ?? 0);
    }
    const listed = await admin.listOffsets({
      topics: topics.map((name) => ({
        name,
        partitions: Array.from({ length: partitions ?? counts.get(name) ?? 0 }, (_, i) => ({
          partitionIndex: i,
          timestamp,
        })),
      })),
    });
    return new Map(listed.map((t) => [t.name, t.partitions.map((p) => p.offset)] as const));
  }

  async send(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = this.connectedProducer();
    const batch = messages.map((m) => ({
      topic: m.topic,
      key: m.key,
      value: m.value,
      headers: m.headers,
    }));
    // The whole batch again on each attempt (as the kafkajs adapter): a partition whose
    // leader moved in between is sent to the new one, and repeats are absorbed by inboxes.
    for (let attempt = 1; ; attempt++) {
      try {
        await producer.send({ messages: batch });
        return;
      } catch (err) {
        // Refused by the broker's ACLs or a wrong password: trying again changes nothing.
        const final =
          findErrorBy(err as Error, 'apiId', 'TOPIC_AUTHORIZATION_FAILED') ||
          findErrorBy(err as Error, 'code', 'PLT_KFK_AUTHENTICATION');
        if (final || attempt >= SEND_ATTEMPTS) throw err;
        await sleep(200 * 2 ** (attempt - 1));
      }
    }
  }

  async consumer(options: ConsumerOptions): Promise<BrokerConsumer> {
    return PlatformaticConsumer.create(this.options, options);
  }

  async countMessages(topic: string): Promise<number> {
    const [low, high] = await Promise.all([
      this.offsets([topic], ListOffsetTimestamps.EARLIEST),
      this.offsets([topic], ListOffsetTimestamps.LATEST),
    ]);
    const earliest = low.get(topic) ?? [];
    return (high.get(topic) ?? []).reduce(
      (sum, offset, i) => sum + Number(offset - (earliest[i] ?? 0n)),
      0,
    );
  }

  async grant(rules: AccessRule[]): Promise<void> {
    if (rules.length === 0) return;
    const resourceType = { topic: ResourceTypes.TOPIC, group: ResourceTypes.GROUP };
    const patternType = {
      literal: ResourcePatternTypes.LITERAL,
      prefixed: ResourcePatternTypes.PREFIXED,
    };
    const operation = {
      read: AclOperations.READ,
      write: AclOperations.WRITE,
      create: AclOperations.CREATE,
      describe: AclOperations.DESCRIBE,
    };
    await this.connectedAdmin().createAcls({
      creations: rules.map((rule) => ({
        principal: rule.principal,
        host: '*',
        resourceType: resourceType[rule.resource],
        resourceName: rule.name,
        resourcePatternType: patternType[rule.pattern],
        operation: operation[rule.operation],
        permissionType: AclPermissionTypes.ALLOW,
      })),
    });
  }

  async describeCluster(): Promise<ClusterInfo> {
    // Asked every time (not the cached metadata): /health must see a broker that is gone.
    const metadata = await this.connectedAdmin().metadata({ topics: [], forceUpdate: true });
    return { brokers: metadata.brokers.size, controllerId: metadata.controllerId };
  }

  async close(): Promise<void> {
    const [admin, producer] = [this.admin, this.producer];
    this.admin = undefined;
    this.producer = undefined;
    await admin?.close().catch(() => undefined);
    await producer?.close().catch(() => undefined);
  }
}
