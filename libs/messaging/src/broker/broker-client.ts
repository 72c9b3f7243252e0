/**
 * The one seam between the project and its Kafka client library. Everything else talks to
 * these interfaces; only ./kafkajs knows kafkajs (no longer maintained upstream), so a
 * replacement touches that folder alone.
 */
export interface BrokerOptions {
  brokers: string[];
  clientId: string;
}

export interface ClusterInfo {
  brokers: number;
  controllerId: number | null;
}

export interface BrokerClient {
  /** Creates the topics that do not exist yet (idempotent); waits until they have leaders. */
  ensureTopics(topics: string[], partitions: number): Promise<void>;
  /** Asks the cluster who is in it; used by /health. */
  describeCluster(): Promise<ClusterInfo>;
  close(): Promise<void>;
}

export const BROKER_CLIENT = Symbol('BROKER_CLIENT');
