import { Admin, Kafka, logLevel } from 'kafkajs';
import { BrokerClient, BrokerOptions, ClusterInfo } from '../broker-client';
import { kafkajsLogCreator } from './kafkajs-logger';

/** BrokerClient on kafkajs. */
export class KafkajsBrokerClient implements BrokerClient {
  private readonly kafka: Kafka;
  private admin?: Promise<Admin>;

  constructor(options: BrokerOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      logCreator: kafkajsLogCreator(`kafka:${options.clientId}`),
      connectionTimeout: 3000,
      retry: { retries: 2, initialRetryTime: 200 },
    });
  }

  private connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.admin = admin.connect().then(() => admin);
      // A failed connection must not be cached: the next health check tries again.
      this.admin.catch(() => (this.admin = undefined));
    }
    return this.admin;
  }

  async ensureTopics(topics: string[], partitions: number): Promise<void> {
    const admin = await this.connectedAdmin();
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: partitions })),
    });
  }

  async describeCluster(): Promise<ClusterInfo> {
    const admin = await this.connectedAdmin();
    const cluster = await admin.describeCluster();
    return { brokers: cluster.brokers.length, controllerId: cluster.controller };
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    if (admin) await (await admin.catch(() => undefined))?.disconnect();
  }
}
