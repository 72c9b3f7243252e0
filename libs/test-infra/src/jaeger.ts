import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const repoRoot = join(__dirname, '../../..');

/** A Jaeger of the test's own (tools/infra/jaeger.mjs): where to send spans and read traces. */
export interface LocalJaeger {
  /** OTEL_EXPORTER_OTLP_ENDPOINT for the services (OTLP over HTTP). */
  otlpEndpoint: string;
  /** The UI and its query API (`/api/traces?service=…`, `/api/traces/<id>`). */
  uiUrl: string;
  stop(): Promise<void>;
}

/** One span of a trace as Jaeger's query API returns it. */
export interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  processID: string;
  references: { refType: string; spanID: string; traceID: string }[];
  tags: { key: string; value: unknown }[];
}

export interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, { serviceName: string }>;
}

/**
 * Starts Jaeger as a child process (an ESM tool a Jest worker cannot import), built first
 * if the provisioning has not; it stops when this process goes away (its stdin closes).
 */
export async function startLocalJaeger(
  options: { log?: (line: string) => void; timeoutMs?: number } = {},
): Promise<LocalJaeger> {
  const child = spawn(process.execPath, [join(repoRoot, 'tools/infra/jaeger.mjs')], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  createInterface({ input: child.stderr }).on('line', options.log ?? (() => undefined));
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve) => {
    const timer = setTimeout(
      () => resolve('ERR Jaeger did not start in time'),
      options.timeoutMs ?? 600_000,
    );
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => resolve(`ERR the Jaeger process exited (${code})`));
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.stdin.end();
    await exited;
  };
  if (!first.startsWith('READY ')) {
    await stop();
    throw new Error(`Jaeger did not start: ${first}`);
  }
  const { otlpEndpoint, uiUrl } = JSON.parse(first.slice('READY '.length)) as {
    otlpEndpoint: string;
    uiUrl: string;
  };
  return { otlpEndpoint, uiUrl, stop };
}

/** The traces Jaeger holds with a span of `service` carrying these tags. */
export async function findTraces(
  jaeger: Pick<LocalJaeger, 'uiUrl'>,
  service: string,
  tags: Record<string, string>,
): Promise<JaegerTrace[]> {
  const query = new URLSearchParams({
    service,
    tags: JSON.stringify(tags),
    limit: '100',
    lookback: '1h',
  });
  const res = await fetch(`${jaeger.uiUrl}/api/traces?${query.toString()}`);
  if (!res.ok) throw new Error(`Jaeger answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { data: JaegerTrace[] | null }).data ?? [];
}
