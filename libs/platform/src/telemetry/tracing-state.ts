/**
 * Whether this process exports traces, and how to flush them: kept apart from the SDK
 * (telemetry.ts, loaded by main.ts alone) so that libraries can ask cheaply. While tracing
 * is off, libs/messaging adds no span and no header to an event (issue 18 measures the
 * per-event cost).
 */
let enabled = false;
let shutdown: (() => Promise<void>) | undefined;

export function tracingEnabled(): boolean {
  return enabled;
}

/** Called once by startTelemetry when the SDK is running. */
export function markTracingStarted(stop: () => Promise<void>): void {
  enabled = true;
  shutdown = stop;
}

/** Sends the spans still buffered and stops the exporter (on application shutdown). */
export async function shutdownTelemetry(): Promise<void> {
  const stop = shutdown;
  shutdown = undefined;
  enabled = false;
  await stop?.().catch(() => undefined);
}
