import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsOptional, IsUrl, Matches, Max, Min, validateSync } from 'class-validator';

/**
 * Tracing's settings, read before anything else of the service is loaded (so apart from
 * ServiceConfig, which needs the modules tracing instruments). The standard OpenTelemetry
 * variables: a deployment's collector is configured the way any OpenTelemetry SDK is.
 */
export class TelemetryConfig {
  /** The collector (OTLP over HTTP, protobuf), e.g. http://jaeger:4318; unset: no tracing. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** The service's name in traces; the app folder its main.js runs from by default. */
  @IsOptional()
  @Matches(/^[\w.-]{1,60}$/)
  OTEL_SERVICE_NAME?: string;

  /** 'true' turns tracing off even with an endpoint (the standard switch). */
  @IsOptional()
  @Matches(/^(true|false)$/)
  OTEL_SDK_DISABLED?: string;

  /** Milliseconds between two exports of the spans buffered. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  OTEL_BSP_SCHEDULE_DELAY = 1000;

  get enabled(): boolean {
    return Boolean(this.OTEL_EXPORTER_OTLP_ENDPOINT) && this.OTEL_SDK_DISABLED !== 'true';
  }
}

const KEYS = [
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_SERVICE_NAME',
  'OTEL_SDK_DISABLED',
  'OTEL_BSP_SCHEDULE_DELAY',
] as const;

/**
 * The service's name in traces: OTEL_SERVICE_NAME, else the app folder its main.js was
 * started from (dist/apps/<name>/src/main.js, as in the Dockerfile and npm start).
 */
export function telemetryServiceName(
  config: TelemetryConfig,
  entry = process.argv[1] ?? '',
): string {
  return (
    config.OTEL_SERVICE_NAME ?? /[/\\]apps[/\\]([^/\\]+)[/\\]/.exec(entry)?.[1] ?? 'lien-thong'
  );
}

export function loadTelemetryConfig(env: NodeJS.ProcessEnv = process.env): TelemetryConfig {
  const defined = Object.fromEntries(KEYS.filter((k) => env[k]).map((k) => [k, env[k]]));
  const config = plainToInstance(TelemetryConfig, defined, { exposeDefaultValues: true });
  const errors = validateSync(config);
  if (errors.length > 0)
    throw new Error(
      `Invalid configuration: ${errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`).join('; ')}`,
    );
  return config;
}
