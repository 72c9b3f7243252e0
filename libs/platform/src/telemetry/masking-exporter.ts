import type { Attributes, AttributeValue } from '@opentelemetry/api';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import { maskLogText } from '../logging/log-masking';

/**
 * Attributes that hold a URL's query string: a citizen's tracking secret travels there
 * (GET /tracking/:code?secret=…), and a trace backend keeps what it is sent for weeks.
 */
const QUERY_ONLY = new Set(['url.query']);
const WITH_QUERY = new Set(['url.full', 'http.url', 'http.target']);

function maskValue(key: string, value: AttributeValue | undefined): AttributeValue | undefined {
  if (typeof value === 'string') {
    const text = WITH_QUERY.has(key) ? value.split('?')[0] : value;
    return maskLogText(text);
  }
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'string' ? maskLogText(v) : v)) as AttributeValue;
  return value;
}

/** The attributes as the logs would show them (libs/platform/src/logging/log-masking.ts). */
export function maskAttributes(attributes: Attributes): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (QUERY_ONLY.has(key)) continue;
    out[key] = maskValue(key, value);
  }
  return out;
}

/** A span seen through masked attributes, events and status; the span itself is unchanged. */
function masked(span: ReadableSpan): ReadableSpan {
  return Object.create(span, {
    attributes: { value: maskAttributes(span.attributes) },
    events: {
      value: span.events.map((e) => ({
        ...e,
        ...(e.attributes ? { attributes: maskAttributes(e.attributes) } : {}),
      })),
    },
    status: {
      value: span.status.message
        ? { ...span.status, message: maskLogText(span.status.message) }
        : span.status,
    },
  }) as ReadableSpan;
}

/**
 * Masks every span before it leaves the process, as the logs are masked: no citizen ID,
 * phone number, e-mail, address or secret reaches the trace backend, whichever
 * instrumentation recorded it (an HTTP route, a database error, an exception's message).
 */
export class MaskingSpanExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], resultCallback: Parameters<SpanExporter['export']>[1]): void {
    this.inner.export(spans.map(masked), resultCallback);
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
