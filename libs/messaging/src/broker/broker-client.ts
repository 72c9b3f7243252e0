/**
 * The one seam between the project and its Kafka client library. Everything else talks to
 * these interfaces; only ./kafkajs knows kafkajs (no longer maintained upstream), so a
 * replacement touches that folder alone.
 */
export interface BrokerOptions {
  brokers: string[];
  clientId: string;
  /** SASL/SCRAM credentials; without them the client connects unauthenticated (PLAINTEXT). */
  sasl?: SaslCredentials;
}

export interface SaslCredentials {
  mechanism: 'scram-sha-256' | 'scram-sha-512';
  username: string;
  password: string;
}

/**
 * One "allow" rule of the broker's authorizer: `principal` may do `operation` on the topic
 * or consumer group named `name` (exactly, or every name starting with it when `pattern` is
 * 'prefixed'). Kafka ACLs in a form that does not depend on the client library.
 */
export interface AccessRule {
  principal: string;
  resource: 'topic' | 'group';
  pattern: 'literal' | 'prefixed';
  name: string;
  operation: 'read' | 'write' | 'create' | 'describe';
}

export interface ClusterInfo {
  brokers: number;
  controllerId: number | null;
}

export type Headers = Record<string, string>;

export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers: Headers;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Headers;
  /** The record's timestamp (ms): when the producer's client sent it (CreateTime). */
  timestamp?: number;
  /** When the client handed the message to this consumer (ms), for the hop's segments. */
  receivedAt?: number;
}

/** The messages of one partition handed to the consumer in one go, in partition order. */
export interface PartitionBatch {
  topic: string;
  partition: number;
  messages: IncomingMessage[];
  /** The partition's high watermark when the batch was fetched (for the consumer lag metric). */
  highWatermark?: string;
  /** Keeps the group membership alive during long work (delayed retries). */
  heartbeat(): Promise<void>;
  /** False once the consumer is stopping: finish the current message, take no more. */
  isRunning(): boolean;
  /**
   * Whether this member still holds the partition as it did for this batch: false once a
   * rebalance may have given it to another member, or the consumer was replaced (a commit
   * made after that could take the group's offset back behind the new owner's).
   */
  stillAssigned(): boolean;
  /**
   * Everything up to and including this offset is handled: the consumer's next fetch of the
   * partition starts after it (whether or not it is committed yet).
   */
  handled(offset: string): void;
  /**
   * Commits the group's offset of the partition past this one (and, within the batch, marks
   * it `handled`). May be called after the batch has ended, while the consumer runs.
   */
  commit(offset: string): Promise<void>;
}

export interface ConsumerOptions {
  groupId: string;
  topics: string[];
  /** How many partitions are processed at the same time (order is kept within each). */
  concurrency: number;
  fromBeginning?: boolean;
}

export interface BrokerConsumer {
  run(handler: (batch: PartitionBatch) => Promise<void>): Promise<void>;
  /** Stops fetching, waits for the batches in flight, then leaves the group. */
  stop(): Promise<void>;
}

export interface BrokerClient {
  /** Creates the topics that do not exist yet (idempotent); waits until they have leaders. */
  ensureTopics(topics: string[], partitions: number): Promise<void>;
  /** Idempotent, acks=all publishing of a batch; resolves once the broker has them. */
  send(messages: OutgoingMessage[]): Promise<void>;
  consumer(options: ConsumerOptions): Promise<BrokerConsumer>;
  /** Messages currently on a topic (latest minus earliest offset, all partitions). */
  countMessages(topic: string): Promise<number>;
  /** Adds allow rules to the broker's ACLs (idempotent); needs a super user's credentials. */
  grant(rules: AccessRule[]): Promise<void>;
  /** Asks the cluster who is in it; used by /health. */
  describeCluster(): Promise<ClusterInfo>;
  close(): Promise<void>;
}

export const BROKER_CLIENT = Symbol('BROKER_CLIENT');

/**
 * How long the broker may hold a consumer's fetch open while there is nothing to read. A
 * message that arrives meanwhile answers the fetch at once, so a longer wait adds no latency;
 * it only polls less. Measured with the five services and the simulators idle for 30 s
 * (issue 18): at 100 ms the broker used 107 ms of CPU per second and the services 178; at
 * 500 ms, 39 and 115. It also bounds how late a member hears of a rebalance or stops.
 */
export const FETCH_MAX_WAIT_MS = 500;
