import { loadTelemetryConfig, TelemetryConfig } from '../config/telemetry-config';

/**
 * Starts OpenTelemetry when OTEL_EXPORTER_OTLP_ENDPOINT names a collector (OTLP over HTTP,
 * protobuf; e.g. Jaeger's http://host:4318). Without it, the production default, nothing is
 * recorded and the SDK is not even loaded: its 400-odd modules cost each service about
 * 11 MB of heap and 40 MB of resident memory (docs/benchmarks.md, issue 18, fourth pass).
 * Must run before express, mongodb or undici is loaded: main.ts imports it first.
 */
export function startTelemetry(config: TelemetryConfig = loadTelemetryConfig()): boolean {
  if (!config.enabled) return false;
  const { startTracingSdk } = require('./tracing-sdk') as typeof import('./tracing-sdk');
  startTracingSdk(config);
  return true;
}
