// The Kafka limits: a raw produce → consume loop on each client library the services can use
// (kafkajs, @platformatic/kafka: KAFKA_CLIENT), without outbox, inbox or database, and the
// broker's own perf tools from the kafka-tools jar.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Admin, CompressionTypes, Kafka, logLevel } from 'kafkajs';
import {
  compatibilityPartitioner,
  Consumer as PltConsumer,
  MessagesStreamFallbackModes,
  MessagesStreamModes,
  ProduceAcks,
  Producer as PltProducer,
  SASLMechanisms,
  stringSerializers,
} from '@platformatic/kafka';
import { patchKafkajsRequestQueue, type KafkaClientName } from '@lien-thong/messaging';
import { testInfra } from '@lien-thong/testing';
import { sleep, summarize, Summary } from './stats';

// The raw client as the services run it (the adapter applies the same fix).
patchKafkajsRequestQueue();

/** The broker's super user (SASL/SCRAM) where the run's broker authenticates clients. */
function superuser() {
  const { kafkaSuperuser } = testInfra();
  return kafkaSuperuser ? { sasl: kafkaSuperuser } : {};
}

/** The same credentials as a properties file for Kafka's own (Java) tools, or no arguments. */
function javaClientConfig(): string[] {
  const { kafkaSuperuser } = testInfra();
  if (!kafkaSuperuser) return [];
  const file = join(mkdtempSync(join(tmpdir(), 'bench-kafka-')), 'client.properties');
  writeFileSync(
    file,
    [
      'security.protocol=SASL_PLAINTEXT',
      `sasl.mechanism=${kafkaSuperuser.mechanism.toUpperCase()}`,
      `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${kafkaSuperuser.username}" password="${kafkaSuperuser.password}";`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  return ['--command-config', file];
}

export interface RawMessage {
  value: string;
  headers: Record<string, string>;
}

export interface RawKafkaOptions {
  brokers: string[];
  messages: number;
  sample: RawMessage;
  /**
   * 'window': `concurrency` sends in flight, one message each (what the outbox relay does
   * for one document). 'batch': `concurrency` sends in flight of `batchSize` messages each
   * (what kafkajs can do at best).
   */
  mode: 'window' | 'batch';
  concurrency: number;
  batchSize?: number;
  partitions?: number;
}

export interface RawKafkaResult {
  mode: string;
  messages: number;
  bytes: number;
  seconds: number;
  msgsPerSec: number;
  /** Broker append time (Kafka timestamp) → handed to the consumer's batch handler. */
  latencyMs: Summary;
}

const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

export async function createTopic(admin: Admin, topic: string, partitions: number): Promise<void> {
  await admin.createTopics({
    waitForLeaders: false,
    topics: [{ topic, numPartitions: partitions }],
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await admin.fetchTopicOffsets(topic);
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(100);
    }
  }
}

/** The raw loop on the client library `library` (same options and result for both). */
export function rawKafka(
  library: KafkaClientName,
  options: RawKafkaOptions,
): Promise<RawKafkaResult> {
  return library === 'platformatic' ? rawPlatformatic(options) : rawKafkajs(options);
}

/** Produces `messages` copies of the sample and consumes them with a fresh group; times both. */
export async function rawKafkajs(options: RawKafkaOptions): Promise<RawKafkaResult> {
  const partitions = options.partitions ?? 6;
  const kafka = new Kafka({
    clientId: 'bench-raw',
    brokers: options.brokers,
    logLevel: logLevel.NOTHING,
    ...superuser(),
  });
  const topic = unique('bench-raw');
  const admin = kafka.admin();
  await admin.connect();
  await createTopic(admin, topic, partitions);
  // The same consumer and producer settings as the project's kafkajs adapter.
  const consumer = kafka.consumer({
    groupId: unique('bench-raw'),
    sessionTimeout: 30_000,
    heartbeatInterval: 3_000,
    maxWaitTimeInMs: 100,
  });
  // The adapter's producer settings (libs/messaging/src/broker/kafkajs).
  const producer = kafka.producer({ idempotent: false, maxInFlightRequests: 1 });
  const latencies: number[] = [];
  let consumed = 0;
  let lastConsumedAt = 0;
  let allConsumed!: () => void;
  const done = new Promise<void>((resolve) => (allConsumed = resolve));
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const joined = new Promise<void>((resolve) =>
      consumer.on(consumer.events.GROUP_JOIN, () => resolve()),
    );
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: partitions,
      eachBatch: async ({ batch, resolveOffset }) => {
        const now = Date.now();
        for (const m of batch.messages) {
          latencies.push(now - Number(m.timestamp));
          resolveOffset(m.offset);
        }
        await consumer.commitOffsets([
          {
            topic: batch.topic,
            partition: batch.partition,
            offset: (BigInt(batch.lastOffset()) + 1n).toString(),
          },
        ]);
        consumed += batch.messages.length;
        lastConsumedAt = performance.now();
        if (consumed >= options.messages) allConsumed();
      },
    });
    await joined;
    await producer.connect();
    const perSend = options.mode === 'batch' ? (options.batchSize ?? 100) : 1;
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < options.messages) {
        const first = next;
        next = Math.min(options.messages, next + perSend);
        await producer.send({
          topic,
          acks: -1,
          compression: CompressionTypes.None,
          messages: Array.from({ length: next - first }, (_, k) => ({
            key: `BENCH-${first + k}`,
            value: options.sample.value,
            headers: options.sample.headers,
          })),
        });
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    await Promise.race([
      done,
      sleep(120_000).then(() => {
        throw new Error(`raw kafkajs: only ${consumed}/${options.messages} consumed after 120 s`);
      }),
    ]);
    const seconds = (lastConsumedAt - started) / 1000;
    return {
      mode:
        options.mode === 'batch' ? `kafkajs, ${perSend} msgs per send` : 'kafkajs, 1 msg per send',
      messages: options.messages,
      bytes: Buffer.byteLength(options.sample.value),
      seconds,
      msgsPerSec: options.messages / seconds,
      latencyMs: summarize(latencies),
    };
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

export interface PerfToolResult {
  producerMsgsPerSec: number;
  producerP99Ms: number;
  consumerMsgsPerSec: number;
  /** The slower of the two: what a produce → consume pipeline can sustain. */
  msgsPerSec: number;
  records: number;
  recordSize: number;
}

/** Where the provisioning cached the Kafka jars (tools/infra/paths.mjs, versions.json). */
export function kafkaJarsDir(): string {
  const versions = JSON.parse(
    readFileSync(join(process.cwd(), 'tools/infra/versions.json'), 'utf8'),
  ) as {
    kafka: string;
  };
  // eslint-disable-next-line no-restricted-syntax -- a script, not a service: same rule as the provisioning
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'lien-thong', 'kafka', versions.kafka);
}

function runJava(args: string[], timeoutMs: number): Promise<string> {
  const jars = `${kafkaJarsDir()}/*`;
  return new Promise((resolve, reject) => {
    const child = spawn('java', ['-Xmx512m', '-cp', jars, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`java ${args[0]} exited with ${code}:\n${out.slice(-1500)}`));
    });
  });
}

/**
 * kafka-producer-perf-test then kafka-consumer-perf-test (the classes of the kafka-tools jar)
 * on a fresh topic with as many partitions as the services use; acks=all like our producer.
 */
export async function kafkaPerfTools(
  brokers: string,
  records: number,
  recordSize: number,
  partitions = 6,
): Promise<PerfToolResult> {
  const kafka = new Kafka({
    clientId: 'bench-perf',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    ...superuser(),
  });
  const clientConfig = javaClientConfig();
  const admin = kafka.admin();
  await admin.connect();
  const topic = unique('bench-perf');
  try {
    await createTopic(admin, topic, partitions);
    const produced = await runJava(
      [
        'org.apache.kafka.tools.ProducerPerformance',
        ...clientConfig,
        '--bootstrap-server',
        brokers,
        '--topic',
        topic,
        '--num-records',
        String(records),
        '--record-size',
        String(recordSize),
        '--throughput',
        '-1',
        '--warmup-records',
        String(Math.floor(records / 5)),
        '--command-property',
        'acks=all',
        'enable.idempotence=true',
      ],
      180_000,
    );
    // "… records sent, 22227.1 records/sec (…), … 2477 ms 99th, …" — with warm-up records,
    // the tool prints a steady-state line after the total; take the last one.
    const lines = produced.split('\n').filter((l) => / records sent, .* records\/sec/.test(l));
    const last = lines[lines.length - 1] ?? '';
    const producerMsgsPerSec = Number(/([\d.]+) records\/sec/.exec(last)?.[1]);
    const producerP99Ms = Number(/(\d+(?:\.\d+)?) ms 99th/.exec(last)?.[1]);
    const consumed = await runJava(
      [
        'org.apache.kafka.tools.ConsumerPerformance',
        ...clientConfig,
        '--bootstrap-server',
        brokers,
        '--topic',
        topic,
        '--num-records',
        String(records),
        '--timeout',
        '30000',
      ],
      180_000,
    );
    // CSV: start.time, end.time, MB, MB.sec, nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
    const row = consumed
      .split('\n')
      .filter((l) => /^\d{4}-\d\d-\d\d /.test(l))
      .pop();
    const cells = (row ?? '').split(',').map((c) => c.trim());
    const consumerMsgsPerSec = Number(cells[9]);
    if (!Number.isFinite(producerMsgsPerSec) || !Number.isFinite(consumerMsgsPerSec))
      throw new Error(
        `could not read the perf tools' output:\n${produced.slice(-800)}\n${consumed.slice(-800)}`,
      );
    return {
      producerMsgsPerSec,
      producerP99Ms,
      consumerMsgsPerSec,
      msgsPerSec: Math.min(producerMsgsPerSec, consumerMsgsPerSec),
      records,
      recordSize,
    };
  } finally {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

/** The broker's super user in @platformatic/kafka's terms, or nothing for an open broker. */
function platformaticSuperuser() {
  const { kafkaSuperuser } = testInfra();
  if (!kafkaSuperuser) return {};
  const { username, password } = kafkaSuperuser;
  // The run's super user is a SCRAM-SHA-512 user (tools/infra/kafka.mjs).
  return { sasl: { mechanism: SASLMechanisms.SCRAM_SHA_512, username, password } };
}

/**
 * rawKafkajs on @platformatic/kafka: the same topic, sends and group, with the settings of
 * the project's adapter (libs/messaging/src/broker/platformatic). The library's consumer is
 * a stream of single messages: offsets are committed once per partition per turn of the
 * event loop (one fetch's worth), as kafkajs commits once per batch.
 */
export async function rawPlatformatic(options: RawKafkaOptions): Promise<RawKafkaResult> {
  const partitions = options.partitions ?? 6;
  const common = {
    clientId: 'bench-raw',
    bootstrapBrokers: options.brokers,
    connectTimeout: 3000,
    ...platformaticSuperuser(),
  };
  const topic = unique('bench-raw');
  // Topic creation and clean-up as for kafkajs: not what is measured.
  const kafka = new Kafka({
    clientId: 'bench-raw',
    brokers: options.brokers,
    logLevel: logLevel.NOTHING,
    ...superuser(),
  });
  const admin = kafka.admin();
  await admin.connect();
  await createTopic(admin, topic, partitions);
  const consumer = new PltConsumer({
    ...common,
    groupId: unique('bench-raw'),
    sessionTimeout: 30_000,
    rebalanceTimeout: 60_000,
    heartbeatInterval: 3_000,
    maxWaitTime: 100,
    autocommit: false,
  });
  const producer = new PltProducer<string, string, string, string>({
    ...common,
    idempotent: false,
    acks: ProduceAcks.ALL,
    maxInflights: 1,
    partitioner: compatibilityPartitioner,
    serializers: stringSerializers,
    retries: 0,
  });
  const latencies: number[] = [];
  let consumed = 0;
  let lastConsumedAt = 0;
  let allConsumed!: () => void;
  const done = new Promise<void>((resolve) => (allConsumed = resolve));
  const toCommit = new Map<number, bigint>();
  let commitScheduled = false;
  const commit = () => {
    commitScheduled = false;
    const offsets = [...toCommit].map(([partition, offset]) => ({
      topic,
      partition,
      offset: offset + 1n,
      leaderEpoch: -1,
    }));
    toCommit.clear();
    consumer.commit({ offsets }).catch(() => undefined);
  };
  try {
    const stream = await consumer.consume({
      topics: [topic],
      autocommit: false,
      mode: MessagesStreamModes.COMMITTED,
      fallbackMode: MessagesStreamFallbackModes.EARLIEST,
    });
    stream.on('data', (m) => {
      latencies.push(Date.now() - Number(m.timestamp));
      toCommit.set(m.partition, m.offset);
      if (!commitScheduled) {
        commitScheduled = true;
        setImmediate(commit);
      }
      consumed++;
      lastConsumedAt = performance.now();
      if (consumed >= options.messages) allConsumed();
    });
    const perSend = options.mode === 'batch' ? (options.batchSize ?? 100) : 1;
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < options.messages) {
        const first = next;
        next = Math.min(options.messages, next + perSend);
        await producer.send({
          messages: Array.from({ length: next - first }, (_, k) => ({
            topic,
            key: `BENCH-${first + k}`,
            value: options.sample.value,
            headers: options.sample.headers,
          })),
        });
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    await Promise.race([
      done,
      sleep(120_000).then(() => {
        throw new Error(
          `raw @platformatic/kafka: only ${consumed}/${options.messages} consumed after 120 s`,
        );
      }),
    ]);
    const seconds = (lastConsumedAt - started) / 1000;
    await stream.close().catch(() => undefined);
    return {
      mode:
        options.mode === 'batch'
          ? `@platformatic/kafka, ${perSend} msgs per send`
          : '@platformatic/kafka, 1 msg per send',
      messages: options.messages,
      bytes: Buffer.byteLength(options.sample.value),
      seconds,
      msgsPerSec: options.messages / seconds,
      latencyMs: summarize(latencies),
    };
  } finally {
    await consumer.close().catch(() => undefined);
    await producer.close().catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}
