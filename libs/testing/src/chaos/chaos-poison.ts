import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { EventEnvelope, Topics, TopicName } from '@lien-thong/contracts';
import { testInfra } from '@lien-thong/test-infra';
import { producerOf, signatureHeaders } from '../signed-events';
import type { StackService } from '../stack';
import { CONSUMED } from './chaos-lag';

/** One bad message put on a real topic, and who must dead-letter it with which code. */
export interface PoisonEvent {
  key: string;
  topic: TopicName;
  value: Buffer;
  /** The producer's signature, on poison that is an envelope at all. */
  headers?: Record<string, string>;
  what: string;
  /** Every consumer group of the topic must dead-letter it (and keep going). */
  consumers: StackService[];
  code: 'EVENT.MALFORMED' | 'EVENT.INVALID';
}

/**
 * A well-formed envelope with a bad inside, published as the topic's own producer would
 * (signed with its key): the contract check, not the signature check, must catch it.
 */
function envelope(
  topic: TopicName,
  type: string,
  version: number,
  payload: object,
  key: string,
): Pick<PoisonEvent, 'value' | 'headers'> {
  const env = {
    eventId: randomUUID(),
    type,
    version,
    dossierKey: key,
    occurredAt: new Date().toISOString(),
    producer: producerOf(topic),
    correlationId: randomUUID(),
    causationId: null,
    payload,
  };
  return {
    value: Buffer.from(JSON.stringify(env)),
    headers: signatureHeaders(topic, env as EventEnvelope<object>),
  };
}

/**
 * The poison of one batch; keys say where each one came from, so that it can be explained.
 * The first batch is varied (bad JSON, unknown version and type, invalid payload, not
 * UTF-8); the second puts a truncated message on every topic any service consumes.
 */
export function poisonBatch(runId: string, batch: 1 | 2): PoisonEvent[] {
  const key = (n: number) => `chaos-poison-${runId}-${batch}-${n}`;
  if (batch === 2) {
    const topics = [...new Set(Object.values(CONSUMED).flat())];
    return topics.map((topic, i) => ({
      key: key(i + 1),
      topic,
      value: Buffer.from(`{"eventId": "${key(i + 1)}", "type": `),
      what: `truncated JSON on ${topic}`,
      consumers: (Object.keys(CONSUMED) as (keyof typeof CONSUMED)[]).filter((s) =>
        CONSUMED[s].includes(topic),
      ),
      code: 'EVENT.MALFORMED' as const,
    }));
  }
  return [
    {
      key: key(1),
      topic: Topics.TransferSlipSent,
      value: Buffer.from('{"eventId": "truncated'),
      what: 'truncated JSON',
      consumers: ['tax-obligation'],
      code: 'EVENT.MALFORMED',
    },
    {
      key: key(2),
      topic: Topics.ParcelCheckRequested,
      ...envelope(
        Topics.ParcelCheckRequested,
        'ParcelCheckRequested',
        9,
        { dossierCode: key(2) },
        key(2),
      ),
      what: 'a version no consumer has a contract for',
      consumers: ['secured-transactions'],
      code: 'EVENT.INVALID',
    },
    {
      key: key(3),
      topic: Topics.DossierReceived,
      ...envelope(Topics.DossierReceived, 'DossierTeleported', 1, { dossierCode: key(3) }, key(3)),
      what: 'an unknown event type',
      consumers: ['notification'],
      code: 'EVENT.INVALID',
    },
    {
      key: key(4),
      topic: Topics.ObligationsPaid,
      ...envelope(
        Topics.ObligationsPaid,
        'ObligationsPaid',
        1,
        {
          dossierCode: key(4),
          assessmentId: 'x',
          amountVnd: -5,
          paidAt: 'yesterday',
          transactionId: { $gt: '' },
          late: 'no',
        },
        key(4),
      ),
      what: 'a payment with a negative amount and a MongoDB operator',
      consumers: ['land-registry', 'notification'],
      code: 'EVENT.INVALID',
    },
    {
      key: key(5),
      topic: Topics.AgencyAvailabilityChanged,
      value: Buffer.from('[1,2,3]'),
      what: 'JSON that is not an object',
      consumers: ['land-registry'],
      code: 'EVENT.MALFORMED',
    },
    {
      key: key(6),
      topic: Topics.ParcelCheckCompleted,
      value: Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x7b]),
      what: 'bytes that are not UTF-8',
      consumers: ['land-registry'],
      code: 'EVENT.MALFORMED',
    },
  ];
}

/** Publishes raw bytes as a buggy or hostile producer would (no contract, no envelope check). */
export async function publishPoison(namespace: string, events: PoisonEvent[]): Promise<void> {
  const { kafkaBrokers, kafkaSuperuser } = testInfra();
  const kafka = new Kafka({
    brokers: kafkaBrokers.split(','),
    clientId: 'chaos-poisoner',
    logLevel: logLevel.NOTHING,
    // As the super user: a hostile producer with write access, the worst case for consumers.
    ...(kafkaSuperuser ? { sasl: { ...kafkaSuperuser } } : {}),
    retry: { retries: 10, initialRetryTime: 300 },
  });
  const producer = kafka.producer();
  await producer.connect();
  try {
    for (const e of events)
      await producer.send({
        topic: `${namespace}.${e.topic}`,
        messages: [{ key: e.key, value: e.value, headers: e.headers }],
      });
  } finally {
    await producer.disconnect();
  }
}
