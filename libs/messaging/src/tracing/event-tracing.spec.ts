import { generateKeyPairSync } from 'node:crypto';
import { context, trace } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { Topics } from '@lien-thong/contracts';
import { markTracingStarted, shutdownTelemetry } from '@lien-thong/platform';
import { BrokerClient, IncomingMessage, OutgoingMessage } from '../broker/broker-client';
import { DeadLetterRepository } from '../dead-letters/dead-letter.repository';
import { DeadLetter } from '../dead-letters/dead-letter.schema';
import { DeadLetterService } from '../dead-letters/dead-letter.service';
import { Topology } from '../topology/topology';
import { EventFactory } from '../outbox/event-factory';
import { EventSigning } from '../signing/event-signing';
import { traceConsumed, tracePublish, withTraceContext } from './event-tracing';

const INFO = { name: 'land-registry', version: '0.1.0', title: 't', description: 'd' };

function signing(): EventSigning {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const kid = { kid: 'land-registry', alg: 'EdDSA' };
  return new EventSigning(
    {
      EVENT_SIGNING_KEY: JSON.stringify({ ...privateKey.export({ format: 'jwk' }), ...kid }),
      EVENT_VERIFY_KEYS: JSON.stringify({
        'land-registry': { ...publicKey.export({ format: 'jwk' }), ...kid },
      }),
    },
    'land-registry',
  );
}

const refusal = (factory: EventFactory) =>
  factory.create(Topics.DossierRefused, 'H01.01-260101-0001', {
    dossierCode: 'H01.01-260101-0001',
    reasonCode: 'TEST.OK',
    reasonVi: 'Thử nghiệm',
  });

/** The message a consumer receives for an outbox entry (or a retry of it). */
const received = (
  entry: { value: string; headers: Record<string, string> },
  topic = 'lt.dossier-refused',
): IncomingMessage => ({
  topic,
  partition: 0,
  offset: '7',
  key: 'H01.01-260101-0001',
  value: Buffer.from(entry.value),
  headers: entry.headers,
});

describe('event tracing off (the default): nothing is added to an event', () => {
  it('writes no trace header and runs the consumer’s work as it is', async () => {
    const entry = refusal(new EventFactory(INFO));
    expect(Object.keys(entry.headers)).not.toContain('traceparent');
    expect(await traceConsumed(received(entry), 'g', () => Promise.resolve('handled'))).toBe(
      'handled',
    );
    const headers = { a: 'b' };
    expect(withTraceContext(headers)).toBe(headers);
  });
});

describe('event tracing on: one trace from the request through the outbox to each consumer', () => {
  const exporter = new InMemorySpanExporter();
  const processor = new SimpleSpanProcessor({ exporter });
  const sdk = new NodeSDK({
    spanProcessors: [processor],
    instrumentations: [],
  });
  const tracer = trace.getTracer('test');

  beforeAll(() => {
    sdk.start();
    markTracingStarted(() => sdk.shutdown());
  });
  afterAll(() => shutdownTelemetry());

  it('stores the creating request’s context with the entry, continues it in the consumer and its retry, and keeps the signature valid', async () => {
    const keys = signing();
    const events = new EventFactory(INFO, keys);
    // The citizen's request that wrote the dossier and its outbox entry.
    const request = tracer.startSpan('POST /dossiers/transfers');
    const entry = context.with(trace.setSpan(context.active(), request), () => refusal(events));
    request.end();
    const traceId = request.spanContext().traceId;
    expect(entry.headers['traceparent']).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    // Later, the relay publishes the stored entry with those headers.
    await tracePublish([entry.headers], () => Promise.resolve());

    // The consumer continues the trace; the retry it sends carries its attempt's context.
    let retryHeaders: Record<string, string> = {};
    await traceConsumed(received(entry), 'secured-transactions', () => {
      retryHeaders = withTraceContext({ ...entry.headers, 'x-retry-attempt': '1' });
      return Promise.resolve('retried');
    });
    await traceConsumed(
      received({ value: entry.value, headers: retryHeaders }, 'lt.retry-1'),
      'secured-transactions',
      () => Promise.resolve('handled'),
    );

    await processor.forceFlush();
    const spans = exporter.getFinishedSpans();
    const named = (name: string) => spans.filter((s) => s.name === name);
    const [created] = named(`create ${Topics.DossierRefused}`);
    const [published] = named('send outbox');
    const [first, retry] = named('process lt.dossier-refused').concat(named('process lt.retry-1'));
    for (const span of [created, published, first, retry])
      expect(span?.spanContext().traceId).toBe(traceId);
    expect(created.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(first.parentSpanContext?.spanId).toBe(created.spanContext().spanId);
    expect(retry.parentSpanContext?.spanId).toBe(first.spanContext().spanId);
    expect(published.parentSpanContext?.spanId).toBe(created.spanContext().spanId);
    expect(published.links).toEqual([]);
    expect(first.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.consumer.group.name': 'secured-transactions',
      'lien_thong.outcome': 'retried',
    });

    // The trace headers are not part of what is signed: the consumer's check still passes.
    expect(entry.headers['x-signature']).toBeDefined();
    expect(keys.verify(Topics.DossierRefused, received(entry))).toEqual({
      ok: true,
      producer: 'land-registry',
    });
    expect(
      keys.verify(Topics.DossierRefused, received({ ...entry, headers: retryHeaders })).ok,
    ).toBe(true);
  });

  it('keeps the failed attempt’s context with a dead letter, so that its replay continues the trace', async () => {
    exporter.reset();
    const stored = new Map<string, DeadLetter>();
    const letters = {
      save: (l: DeadLetter) => Promise.resolve(void stored.set(l._id, l)),
      findById: (id: string) => Promise.resolve(stored.get(id) ?? null),
      markReplayed: () => Promise.resolve(),
    } as unknown as DeadLetterRepository;
    const sent: OutgoingMessage[] = [];
    const broker = {
      send: (messages: OutgoingMessage[]) => Promise.resolve(void sent.push(...messages)),
    } as unknown as BrokerClient;
    const topology = new Topology('tax-obligation', undefined, [1000]);
    const deadLetters = new DeadLetterService(letters, broker, topology);
    const entry = refusal(new EventFactory(INFO));
    const message = received(entry);
    await traceConsumed(message, topology.groupId, async () => {
      await deadLetters.deadLetter(
        message,
        Topics.DossierRefused,
        { code: 'X.Y', message: 'z' },
        3,
      );
      return 'dead-lettered';
    });
    const [letter] = [...stored.values()];
    await deadLetters.replay(letter._id);
    const replay = sent.find((m) => m.topic === topology.retryTopic(1));
    await traceConsumed(
      { ...message, topic: topology.retryTopic(1), headers: replay?.headers ?? {} },
      topology.groupId,
      () => Promise.resolve('handled'),
    );
    await processor.forceFlush();
    const spans = exporter.getFinishedSpans();
    const failed = spans.find((s) => s.name === 'process lt.dossier-refused');
    const replayed = spans.find((s) => s.name === `process ${topology.retryTopic(1)}`);
    expect(failed?.status.code).toBe(2); // dead-lettered: an error in the trace
    expect(replayed?.spanContext().traceId).toBe(failed?.spanContext().traceId);
    expect(replayed?.parentSpanContext?.spanId).toBe(failed?.spanContext().spanId);
  });
});
