import { trace } from '@opentelemetry/api';
import { tracingEnabled } from './tracing-state';

/** `traceId` of the span in progress, for a log line: from a line to its trace and back. */
export function traceFields(): { traceId?: string } {
  if (!tracingEnabled()) return {};
  const span = trace.getActiveSpan();
  return span ? { traceId: span.spanContext().traceId } : {};
}
