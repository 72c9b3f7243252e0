// The services `npm start` (and demo, bench, chaos) runs, with their default ports, from the
// manifest tools/services.json. Each port can be overridden by <NAME>_PORT, e.g.
// LAND_REGISTRY_PORT=8080 (the web gateway's by WEB_PORT).
import { spawn } from 'node:child_process';
import { repoRoot } from '../infra/paths.mjs';
import { envName, manifest, portVariable } from '../infra/manifest.mjs';
import { serviceEntry } from './build.mjs';

/** @typedef {import('../infra/manifest.mjs').ServiceEntry} ServiceEntry */

/** The services and the agency simulators, in the manifest's order (the gateway apart). */
export const SERVICES = manifest.services.filter((s) => !s.gateway);

/**
 * The web gateway: the officer console and citizen portal (dist/web) and each service's API
 * under /api/<service>/, at one origin. Not in SERVICES: it is no event-driven service (no
 * Kafka user, no database); tools/checks/deploy.mjs checks its compose and Kubernetes wiring.
 */
export const WEB_GATEWAY = /** @type {ServiceEntry} */ (manifest.services.find((s) => s.gateway));

/** The services whose APIs the gateway serves at /api/<name>/: all but the simulators. */
export const GATEWAY_UPSTREAMS = SERVICES.filter((s) => !s.simulator);

/** The manifest's entry of a service (or the gateway) by name; throws for an unknown name. */
export function serviceNamed(/** @type {string} */ name) {
  const service = manifest.services.find((s) => s.name === name);
  if (!service)
    throw new Error(
      `no service named ${name} in tools/services.json: ${manifest.services.map((s) => s.name).join(', ')}`,
    );
  return service;
}

/** A service's port: its variable (<NAME>_PORT) or the manifest's default. */
export function servicePort(/** @type {ServiceEntry} */ service, env = process.env) {
  return Number(env[portVariable(service)] ?? service.port);
}

/** Where the web gateway finds each service: API_<NAME>_URL (apps/web-gateway config). */
export function gatewayEnv(env = process.env) {
  return Object.fromEntries(
    GATEWAY_UPSTREAMS.map((s) => [
      `API_${envName(s.name)}_URL`,
      `http://127.0.0.1:${servicePort(s, env)}`,
    ]),
  );
}

/**
 * Node flags every service runs with (from the JavaScript build.mjs compiles into dist/):
 * stack traces that name the TypeScript files, and a heap kept small (docs/benchmarks.md,
 * finding 6). V8 otherwise grows the young generation under load (up to 32 MB per
 * semi-space here: the services peaked at 330–390 MB and the land registry grew by 98 MB
 * over the ten-minute soak) and lets the old generation fill with promoted garbage up to
 * about 2.5 times what is live before a full collection (the notification service went
 * from 60 to 140 MB of heap in a two-minute run, then back to 60); capped at 8 MB per
 * semi-space and a factor of 1.5, every service stayed under 210 MB at the maximum rate.
 * The last flag: kafkajs computes a negative timer on Node 24 (harmless, but it would print
 * at every start). They are the manifest's `nodeFlags` (tools/services.json), which
 * libs/testing reads too; the Dockerfile's CMD repeats them and tools/checks/deploy.mjs
 * checks that it does.
 */
export const NODE_FLAGS = manifest.nodeFlags;

/**
 * Variables every service starts with unless the environment sets them: the manifest's
 * `processEnv` (tools/services.json), which libs/testing reads too; the Dockerfile's ENV
 * repeats them and tools/checks/deploy.mjs checks that it does. MALLOC_ARENA_MAX=2: glibc
 * gives each thread that allocates (libuv's pool, V8's workers) an arena of its own and
 * keeps what they free; capped at two, the land registry peaked 14 MB lower and the
 * notification service 18 MB, with the same CPU per dossier (docs/benchmarks.md, issue 18).
 */
export const PROCESS_ENV = manifest.processEnv;

/**
 * Starts one service (compiled by build.mjs first) with its output prefixed by its name.
 * @param {ServiceEntry} service
 * @param {NodeJS.ProcessEnv} env
 */
export function startService(service, env) {
  const child = spawn(process.execPath, [...NODE_FLAGS, serviceEntry(service.name)], {
    cwd: repoRoot,
    env: {
      ...PROCESS_ENV,
      ...env,
      PORT: String(servicePort(service, env)),
      // If npm start is killed outright, the services stop too.
      EXIT_WITH_PID: String(process.pid),
      ...(process.stdout.isTTY ? {} : { NO_COLOR: '1' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = process.stdout.isTTY
    ? `\x1b[${service.color}m${service.name.padEnd(20)}\x1b[0m| `
    : `${service.name.padEnd(20)}| `;
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(prefix + line + '\n');
    });
  }
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { service, child, exited };
}

/**
 * Polls the manifest's start path (GET /health) until it answers 200 or the process exits.
 * @param {ReturnType<typeof startService>} running
 * @param {NodeJS.ProcessEnv} env
 */
export async function waitHealthy(running, env, timeoutMs = 60_000) {
  const url = `http://127.0.0.1:${servicePort(running.service, env)}${manifest.health.start}`;
  let exited = false;
  void running.exited.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !exited) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return await res.json();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${running.service.name} did not become healthy at ${url}`);
}

/** @param {ReturnType<typeof startService>} running */
export async function stopService(running, timeoutMs = 15_000) {
  if (running.child.exitCode !== null || running.child.signalCode !== null) return;
  running.child.kill('SIGTERM');
  const timer = setTimeout(() => running.child.kill('SIGKILL'), timeoutMs);
  await running.exited;
  clearTimeout(timer);
}
