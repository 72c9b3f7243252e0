// Watching a running stack from outside: every event on its topics (own consumer group),
// consumer-group lag, and the services' inboxes (when each consumer handled each event).
import { Admin, Consumer, Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { BUS_SERVICES } from '@lien-thong/contracts';
import { FETCH_MAX_WAIT_MS } from '@lien-thong/messaging';
import { testInfra } from '@lien-thong/testing';
import { sleep } from './stats';

export interface SeenEvent {
  eventId: string;
  /** Contract topic (for a retry, the original one). */
  topic: string;
  type: string;
  dossierKey: string;
  occurredAt: number;
  /** Kafka's timestamp: when the relay produced it. */
  producedAt: number;
  bytes: number;
  retry: boolean;
}

export class StackObserver {
  readonly events: SeenEvent[] = [];
  lastEventAt = Date.now();
  private readonly listeners = new Set<(e: SeenEvent) => void>();

  private constructor(
    private readonly namespace: string,
    private readonly admin: Admin,
    private readonly consumer: Consumer,
  ) {}

  static async start(brokers: string[], namespace: string): Promise<StackObserver> {
    const { kafkaSuperuser } = testInfra();
    const kafka = new Kafka({
      clientId: 'bench-observer',
      brokers,
      logLevel: logLevel.NOTHING,
      ...(kafkaSuperuser ? { sasl: kafkaSuperuser } : {}),
    });
    const admin = kafka.admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter(
      (t) => t.startsWith(`${namespace}.`) && !t.endsWith('.dlq'),
    );
    // The observer is the benchmark's instrument, and the broker's CPU is measured: it reads
    // like a service's consumer (an empty fetch waits as long) and commits nothing (its
    // group is new every run and reads from the beginning). Committing after every batch,
    // it sent more commits than the five services together (seventh pass).
    const consumer = kafka.consumer({
      groupId: `bench-observer-${namespace}`,
      maxWaitTimeInMs: FETCH_MAX_WAIT_MS,
    });
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    const observer = new StackObserver(namespace, admin, consumer);
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: 8,
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages)
          observer.take(batch.topic, m.value, Number(m.timestamp), m.headers);
      },
    });
    return observer;
  }

  private take(
    physical: string,
    value: Buffer | null,
    producedAt: number,
    headers: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined,
  ): void {
    if (!value) return;
    let envelope: { eventId: string; type: string; dossierKey: string; occurredAt: string };
    try {
      envelope = JSON.parse(value.toString()) as typeof envelope;
    } catch {
      return;
    }
    const original = headers?.['x-original-topic']?.toString();
    const event: SeenEvent = {
      eventId: envelope.eventId,
      topic: original ?? physical.slice(this.namespace.length + 1),
      type: envelope.type,
      dossierKey: envelope.dossierKey,
      occurredAt: Date.parse(envelope.occurredAt),
      producedAt,
      bytes: value.length,
      retry: original !== undefined,
    };
    this.events.push(event);
    this.lastEventAt = Date.now();
    for (const l of this.listeners) l(event);
  }

  onEvent(listener: (e: SeenEvent) => void): void {
    this.listeners.add(listener);
  }

  /** Messages the services' consumer groups have not committed yet, over every topic of the stack. */
  async lag(): Promise<number> {
    const topics = (await this.admin.listTopics()).filter((t) =>
      t.startsWith(`${this.namespace}.`),
    );
    const ends = new Map<string, number>();
    for (const topic of topics)
      for (const p of await this.admin.fetchTopicOffsets(topic))
        ends.set(`${topic}/${p.partition}`, Number(p.high));
    let lag = 0;
    for (const service of BUS_SERVICES) {
      const groupId = `${this.namespace}.lien-thong.${service}`;
      for (const t of await this.admin.fetchOffsets({ groupId, topics })) {
        for (const p of t.partitions) {
          if (p.offset === '-1') continue;
          lag += Math.max(0, (ends.get(`${t.topic}/${p.partition}`) ?? 0) - Number(p.offset));
        }
      }
    }
    return lag;
  }

  /** Waits until no consumer group lags and no event has appeared for `quietMs`. */
  async waitQuiet(timeoutMs: number, quietMs = 2000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lag = await this.lag();
      if (lag === 0 && Date.now() - this.lastEventAt >= quietMs) return Date.now();
      if (Date.now() > deadline)
        throw new Error(`the stack still lags by ${lag} messages after ${timeoutMs} ms`);
      await sleep(500);
    }
  }

  async close(): Promise<void> {
    await this.consumer.disconnect().catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
  }
}

export interface Handled {
  service: string;
  eventId: string;
  topic: string;
  handledAt: number;
}

/**
 * The inbox records of the services of this stack handled since `since` (read after a phase,
 * outside its timing): a loaded history's records are older and stay in the database.
 */
export async function readInboxes(
  mongoUrl: string,
  namespace: string,
  since: Date,
): Promise<Handled[]> {
  const handled: Handled[] = [];
  for (const service of BUS_SERVICES) {
    const connection = await mongoose
      .createConnection(mongoUrl, { dbName: `${namespace}-${service}` })
      .asPromise();
    try {
      const rows = await connection.db
        ?.collection<{ eventId: string; topic: string; handledAt: Date }>('inbox')
        .find(
          { handledAt: { $gte: since } },
          { projection: { _id: 0, eventId: 1, topic: 1, handledAt: 1 } },
        )
        .toArray();
      for (const r of rows ?? [])
        handled.push({
          service,
          eventId: r.eventId,
          topic: r.topic,
          handledAt: r.handledAt.getTime(),
        });
    } finally {
      await connection.close();
    }
  }
  return handled;
}

/** One document of a service's database, e.g. a finished dossier as the sample for the DB limit. */
export async function readDocument(
  mongoUrl: string,
  dbName: string,
  collection: string,
  id: string,
): Promise<Record<string, unknown> | null> {
  const connection = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
  try {
    return ((await connection.db?.collection<{ _id: string }>(collection).findOne({ _id: id })) ??
      null) as Record<string, unknown> | null;
  } finally {
    await connection.close();
  }
}
