import { loadTelemetryConfig } from '../config/telemetry-config';

// Stands in for the SDK: records whether a service loaded it at all.
const sdkLoaded = jest.fn();
jest.mock('@opentelemetry/sdk-node', () => {
  sdkLoaded();
  return { NodeSDK: jest.fn(() => ({ start: jest.fn(), shutdown: jest.fn() })) };
});

describe('tracing costs nothing where it is not configured', () => {
  beforeEach(() => {
    jest.resetModules();
    sdkLoaded.mockClear();
  });

  it('does not load the OpenTelemetry SDK without a collector', () => {
    jest.isolateModules(() => {
      const { startTelemetry } = jest.requireActual<typeof import('./telemetry')>('./telemetry');
      expect(startTelemetry(loadTelemetryConfig({}))).toBe(false);
    });
    expect(sdkLoaded).not.toHaveBeenCalled();
  });

  it('loads and starts it when a collector is named', () => {
    jest.isolateModules(() => {
      const { startTelemetry } = jest.requireActual<typeof import('./telemetry')>('./telemetry');
      const config = loadTelemetryConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' });
      expect(startTelemetry(config)).toBe(true);
    });
    expect(sdkLoaded).toHaveBeenCalledTimes(1);
  });
});
