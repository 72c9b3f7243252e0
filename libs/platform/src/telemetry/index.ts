/**
 * `import '@lien-thong/platform/telemetry'` as the first import of a service's main.ts:
 * starts tracing, if configured, before anything it instruments is loaded. Nothing else of
 * the platform is loaded from here.
 */
// Its settings are a validated class, as every service's (decorators need the metadata API).
import 'reflect-metadata';
import { startTelemetry } from './telemetry';

startTelemetry();

export { startTelemetry } from './telemetry';
export { loadTelemetryConfig, telemetryServiceName } from '../config/telemetry-config';
