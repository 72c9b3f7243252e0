import { trace } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { MaskingSpanExporter } from './masking-exporter';
import { loadTelemetryConfig, telemetryServiceName } from '../config/telemetry-config';

describe('spans leave the process masked like the logs', () => {
  it('drops query strings and masks citizen IDs, phones and e-mails in attributes, events and status', async () => {
    const exported = new InMemorySpanExporter();
    const processor = new SimpleSpanProcessor({ exporter: new MaskingSpanExporter(exported) });
    const tracer = new TracerProvider({ spanProcessors: [processor] }).getTracer('test');
    const span = tracer.startSpan('GET /tracking/:code', {
      attributes: {
        'url.full': 'http://127.0.0.1:3000/tracking/VPDKHN-261206-0001?secret=s3cr3t',
        'url.query': 'secret=s3cr3t',
        'url.path': '/population/v1/citizens/001092011223',
        'http.response.status_code': 200,
      },
    });
    span.recordException(new Error('no answer for 0912345678 <khang.pham@example.vn>'));
    span.setStatus({ code: 2, message: 'address=Số 5 phố Kim Mã' });
    span.end();
    await processor.forceFlush();
    const [out] = exported.getFinishedSpans();
    expect(out.attributes).toEqual({
      'url.full': 'http://127.0.0.1:3000/tracking/VPDKHN-261206-0001',
      'url.path': '/population/v1/citizens/001*******23',
      'http.response.status_code': 200,
    });
    const text = JSON.stringify([out.attributes, out.events, out.status]);
    for (const secret of ['s3cr3t', '001092011223', '0912345678', 'khang.pham', 'Kim Mã'])
      expect({ leaks: text.includes(secret) ? secret : null }).toEqual({ leaks: null });
    // The span seen by other processors is untouched; its context is the same.
    expect(out.spanContext().traceId).toBe(span.spanContext().traceId);
    expect(trace.getActiveSpan()).toBeUndefined();
  });
});

describe('telemetry settings', () => {
  it('is off without a collector and names the service after its app folder', () => {
    const off = loadTelemetryConfig({});
    expect(off.enabled).toBe(false);
    const on = loadTelemetryConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318' });
    expect(on.enabled).toBe(true);
    expect(on.OTEL_BSP_SCHEDULE_DELAY).toBe(1000);
    expect(telemetryServiceName(on, '/app/dist/apps/tax-obligation/src/main.js')).toBe(
      'tax-obligation',
    );
    const disabled = loadTelemetryConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318',
      OTEL_SDK_DISABLED: 'true',
    });
    expect(disabled.enabled).toBe(false);
    expect(() => loadTelemetryConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'jaeger' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
  });
});
