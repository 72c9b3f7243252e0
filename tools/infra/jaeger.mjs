// Jaeger v2 (an OpenTelemetry Collector distribution with Jaeger's storage and UI) as a
// local process: it receives the services' traces over OTLP/HTTP, keeps them in memory and
// serves its UI and query API. Built once from the Go module proxy into the user cache, like
// FerretDB (mongo.mjs). Started only where someone looks at traces: npm start (which prints
// the UI's address) and the tracing test; a deployment points OTEL_EXPORTER_OTLP_ENDPOINT at
// its own collector instead and nothing is started.
//
// As a module: startJaeger({ dataDir, log }). As a process, for the tests (a Jest worker
// cannot import this ESM file): `node tools/infra/jaeger.mjs` prints `READY <json>` (the
// OTLP endpoint and the UI/query URL) on stdout once it accepts spans, and stops Jaeger when
// its stdin closes (its owner went away) or on SIGTERM/SIGINT.
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cacheDir, runDir } from './paths.mjs';
import { freePort, waitForPort } from './ports.mjs';
import { onPath, run, startGuarded } from './processes.mjs';
import { messageOf } from './errors.mjs';

export const JAEGER_VERSION = '1.75.0';
const JAEGER_MODULE = 'github.com/jaegertracing/jaeger';

function jaegerBinary() {
  return cacheDir('jaeger', JAEGER_VERSION, 'jaeger');
}

export function jaegerPrerequisites() {
  if (existsSync(jaegerBinary())) return [];
  return onPath('go') ? [] : ['Go (to build Jaeger)'];
}

/**
 * Builds cmd/jaeger from its module. `go install …@v1.75.0` refuses a module whose go.mod
 * has replace directives, so the build goes through a throw-away module that requires it
 * as a tool (`go get -tool`), which resolves the same dependency versions. Measured on the
 * 2-core machine: 38 s to download the modules, then 483 s of CPU to compile from a cold
 * Go build cache (15.5 min of wall time while other test stacks ran: about 4–5 min on an
 * idle machine), 2.3 GB of memory at most; an 85 MB binary. A fresh CI machine pays it once
 * per run, during provisioning (provision.mjs), beside the static checks.
 */
/** @param {(message: string) => void} [log] */
export function ensureJaeger(log = () => undefined) {
  const binary = jaegerBinary();
  if (existsSync(binary)) return { binary, built: false };
  const started = Date.now();
  log(`building Jaeger v${JAEGER_VERSION} with Go into ${binary} (first run only, a few minutes)`);
  const work = runDir('jaeger-src');
  const env = {
    ...process.env,
    GOFLAGS: '-buildvcs=false',
    GOTOOLCHAIN: 'local',
    CGO_ENABLED: '0',
  };
  const go = (/** @type {string[]} */ args) => {
    const result = run('go', args, { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (!result.ok)
      throw new Error(
        `go ${args.join(' ')} failed:\n${(result.stdout + result.stderr).slice(-2000)}`,
      );
  };
  try {
    go(['mod', 'init', 'lien-thong.local/jaeger-build']);
    go(['get', '-tool', `${JAEGER_MODULE}/cmd/jaeger@v${JAEGER_VERSION}`]);
    mkdirSync(join(binary, '..'), { recursive: true });
    const partial = `${binary}.partial-${process.pid}`;
    go(['build', '-trimpath', '-ldflags=-s -w', '-o', partial, `${JAEGER_MODULE}/cmd/jaeger`]);
    chmodSync(partial, 0o755);
    renameSync(partial, binary);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  log(`Jaeger built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { binary, built: true };
}

/**
 * The all-in-one configuration (cmd/jaeger/internal/all-in-one.yaml) reduced to what is
 * used here, every port chosen free so that two runs never collide: OTLP over HTTP in,
 * memory storage, the query API and UI, a health check. The collector's own metrics are
 * off (they would take port 8888).
 */
/** @param {Record<'otlpPort' | 'queryPort' | 'queryGrpcPort' | 'healthPort', number>} ports */
function jaegerConfig({ otlpPort, queryPort, queryGrpcPort, healthPort }) {
  return `service:
  extensions: [jaeger_storage, jaeger_query, healthcheckv2]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [jaeger_storage_exporter]
  telemetry:
    resource:
      service.name: jaeger
    metrics:
      level: none
    logs:
      level: warn
extensions:
  healthcheckv2:
    use_v2: true
    http:
      endpoint: 127.0.0.1:${healthPort}
  jaeger_query:
    enable_tracing: false
    storage:
      traces: memstore
    http:
      endpoint: 127.0.0.1:${queryPort}
    grpc:
      endpoint: 127.0.0.1:${queryGrpcPort}
  jaeger_storage:
    backends:
      memstore:
        memory:
          max_traces: 100000
receivers:
  otlp:
    protocols:
      http:
        endpoint: 127.0.0.1:${otlpPort}
processors:
  batch:
    timeout: 200ms
exporters:
  jaeger_storage_exporter:
    trace_storage: memstore
`;
}

/**
 * Starts Jaeger; returns { otlpEndpoint, uiUrl, process }.
 * @param {{ dataDir: string, log?: (message: string) => void }} options
 */
export async function startJaeger({ dataDir, log = () => undefined }) {
  const { binary } = ensureJaeger(log);
  const [otlpPort, queryPort, queryGrpcPort, healthPort] = await Promise.all(
    [0, 1, 2, 3].map(() => freePort()),
  );
  const dir = join(dataDir, 'jaeger');
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'jaeger.yaml');
  writeFileSync(config, jaegerConfig({ otlpPort, queryPort, queryGrpcPort, healthPort }));
  const proc = startGuarded('jaeger', binary, ['--config', config], {
    logFile: join(dir, 'jaeger.log'),
    cwd: dir,
  });
  await waitForPort('127.0.0.1', otlpPort, { proc, what: 'Jaeger', timeoutMs: 60_000 });
  await waitForPort('127.0.0.1', queryPort, { proc, what: 'Jaeger', timeoutMs: 60_000 });
  return {
    otlpEndpoint: `http://127.0.0.1:${otlpPort}`,
    uiUrl: `http://127.0.0.1:${queryPort}`,
    process: proc,
  };
}

async function main() {
  const dataDir = runDir('jaeger');
  /** @type {Awaited<ReturnType<typeof startJaeger>> | undefined} */
  let jaeger;
  const stop = async () => {
    await jaeger?.process.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
  try {
    jaeger = await startJaeger({ dataDir, log: (m) => process.stderr.write(`[jaeger] ${m}\n`) });
    process.stdout.write(
      `READY ${JSON.stringify({ otlpEndpoint: jaeger.otlpEndpoint, uiUrl: jaeger.uiUrl })}\n`,
    );
  } catch (err) {
    process.stdout.write(`ERR ${messageOf(err).replace(/\n/g, ' ')}\n`);
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
