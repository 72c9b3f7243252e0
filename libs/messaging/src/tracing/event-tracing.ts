import {
  Attributes,
  context,
  Link,
  propagation,
  ROOT_CONTEXT,
  Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { tracingEnabled } from '@lien-thong/platform';
import type { Headers, IncomingMessage } from '../broker/broker-client';

/**
 * A dossier's trace across Kafka, by hand (the broker seam has its own producer and
 * consumer, so no library patching would see the outbox): the W3C trace context
 * (`traceparent`, `tracestate`) of the request or event that created an event is written
 * into the event's headers when the outbox entry is created, stored with it, and published
 * with it whenever the relay sends it; each consumer continues that trace; a retry or a
 * dead letter carries the context of the attempt that failed, so a replay continues it too.
 * The headers are not signed (the signature covers envelope and topic): a forged context
 * can only mislead a trace, never an event's handling. While tracing is off, every function
 * here returns at its first line.
 */
const tracer = trace.getTracer('@lien-thong/messaging');

const KAFKA: Attributes = { 'messaging.system': 'kafka' };

/** A just-created event's span; its context goes into the headers (mutated). */
export function traceEventCreated(
  topic: string,
  key: string,
  eventId: string,
  headers: Headers,
): void {
  if (!tracingEnabled()) return;
  const span = tracer.startSpan(`create ${topic}`, {
    kind: SpanKind.PRODUCER,
    attributes: {
      ...KAFKA,
      'messaging.operation.type': 'create',
      'messaging.destination.name': topic,
      'messaging.message.id': eventId,
      // The dossier's code (never personal data): how an operator finds a dossier's traces.
      'messaging.kafka.message.key': key,
    },
  });
  propagation.inject(trace.setSpan(context.active(), span), headers);
  span.end();
}

/**
 * The relay's send of one batch: linked to the creation of each event in it; when the whole
 * batch comes from one trace (one dossier's step, usually), a child of the first creation
 * instead of linked to it (a backend shows a link to the parent as the only relation, and
 * the send would then look like the root of a trace of its own).
 */
export async function tracePublish<T>(headers: Headers[], send: () => Promise<T>): Promise<T> {
  if (!tracingEnabled()) return send();
  const links: Link[] = [];
  for (const h of headers) {
    const linked = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, h));
    if (linked) links.push({ context: linked });
  }
  const oneTrace =
    links.length > 0 && links.every((l) => l.context.traceId === links[0].context.traceId);
  const parent = oneTrace ? trace.setSpanContext(ROOT_CONTEXT, links[0].context) : ROOT_CONTEXT;
  const span = tracer.startSpan(
    'send outbox',
    {
      kind: SpanKind.PRODUCER,
      links: oneTrace ? links.slice(1) : links,
      attributes: {
        ...KAFKA,
        'messaging.operation.type': 'send',
        'messaging.batch.message_count': headers.length,
      },
    },
    parent,
  );
  return ended(span, send);
}

/** Handles one consumed message inside a consumer span that continues the producer's trace. */
export function traceConsumed<T>(
  message: IncomingMessage,
  group: string,
  work: () => Promise<T>,
): Promise<T> {
  if (!tracingEnabled()) return work();
  const parent = propagation.extract(ROOT_CONTEXT, message.headers);
  const span = tracer.startSpan(
    `process ${message.topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        ...KAFKA,
        'messaging.operation.type': 'process',
        'messaging.destination.name': message.topic,
        'messaging.destination.partition.id': String(message.partition),
        'messaging.kafka.offset': Number(message.offset),
        'messaging.consumer.group.name': group,
        ...(message.key ? { 'messaging.kafka.message.key': message.key } : {}),
        ...(message.headers['event-id']
          ? { 'messaging.message.id': message.headers['event-id'] }
          : {}),
      },
    },
    parent,
  );
  return context.with(trace.setSpan(parent, span), () =>
    ended(span, async () => {
      const outcome = await work();
      span.setAttribute('lien_thong.outcome', String(outcome));
      if (outcome === 'dead-lettered') span.setStatus({ code: SpanStatusCode.ERROR });
      return outcome;
    }),
  );
}

/**
 * The headers of a message sent again (a retry, a dead letter) with the current context:
 * a copy when tracing is on, the same object otherwise.
 */
export function withTraceContext(headers: Headers): Headers {
  if (!tracingEnabled()) return headers;
  const copy = { ...headers };
  propagation.inject(context.active(), copy);
  return copy;
}

async function ended<T>(span: Span, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    span.recordException(err as Error);
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw err;
  } finally {
    span.end();
  }
}
