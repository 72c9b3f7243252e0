import type { IncomingMessage } from 'node:http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { MaskingSpanExporter } from './masking-exporter';
import { markTracingStarted } from './tracing-state';
import { TelemetryConfig, telemetryServiceName } from '../config/telemetry-config';

/** Probes and scrapes: several a second from an orchestrator, and nothing to follow. */
const UNTRACED_PATHS = /^\/(health|metrics)(\/|\?|$)/;

/**
 * The OpenTelemetry SDK, wired for liên thông: loaded by startTelemetry (telemetry.ts) only
 * when a collector is configured. Traced: incoming HTTP (Nest's routes and handlers),
 * outgoing fetch (agency calls, which carry the W3C traceparent), MongoDB commands (values
 * left out) and, by hand in libs/messaging, every event from the outbox to each consumer
 * (Kafka headers).
 */
export function startTracingSdk(config: TelemetryConfig): void {
  const exporter = new MaskingSpanExporter(
    new OTLPTraceExporter({
      url: `${String(config.OTEL_EXPORTER_OTLP_ENDPOINT).replace(/\/$/, '')}/v1/traces`,
    }),
  );
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: telemetryServiceName(config) }),
    // A second between exports (the SDK's default is 5): a dossier's trace is complete in the
    // backend soon after its last step, and what a stopping process still holds is small.
    spanProcessors: [
      new BatchSpanProcessor({
        exporter,
        scheduledDelayMillis: config.OTEL_BSP_SCHEDULE_DELAY,
      }),
    ],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req: IncomingMessage) => UNTRACED_PATHS.test(req.url ?? ''),
      }),
      // Middleware layers (helmet, body parsing, the access log) would add a span each to
      // every request and tell nothing the route's span does not.
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
      new NestInstrumentation(),
      new MongoDBInstrumentation({ enhancedDatabaseReporting: false }),
      new UndiciInstrumentation(),
    ],
  });
  sdk.start();
  markTracingStarted(() => sdk.shutdown());
}
