import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  eventually,
  freePort,
  grantKafkaAcls,
  testInfra,
  uniqueName,
} from '@lien-thong/test-infra';
import { SERVICE_MANIFEST } from './service-manifest';

const repoRoot = join(__dirname, '../../..');

export interface ServiceProcess {
  name: string;
  baseUrl: string;
  port: number;
  env: NodeJS.ProcessEnv;
  child: ChildProcess;
  /** SIGTERM and wait (the graceful path). */
  stop(): Promise<void>;
  /** SIGKILL and wait (a crash). */
  kill(): Promise<void>;
  exited: Promise<number | null>;
}

/**
 * Runs one app as its own process, exactly as `npm start` does, against the run's Kafka
 * and database. Tests use it where an app must not import another (a service and the
 * agency simulators, end-to-end suites) or where a process must really die.
 */
export async function spawnService(
  name: string,
  env: NodeJS.ProcessEnv = {},
  options: { quiet?: boolean; port?: number } = {},
): Promise<ServiceProcess> {
  const { kafkaBrokers, mongoUrl, simulatorsMongoUrl, envFor } = testInfra();
  const port = options.port ?? (await freePort());
  const simulator = SERVICE_MANIFEST.services.find((s) => s.name === name)?.simulator;
  const fullEnv: NodeJS.ProcessEnv = {
    // As npm start (tools/cli/services.mjs, PROCESS_ENV).
    ...SERVICE_MANIFEST.processEnv,
    ...process.env,
    ...envFor(name),
    KAFKA_BROKERS: kafkaBrokers,
    // The simulators on their own database server (testInfra), as npm start runs them.
    MONGO_URL: simulator ? simulatorsMongoUrl : mongoUrl,
    MONGO_DB: uniqueName(name),
    LOG_LEVEL: 'warn',
    NO_COLOR: '1',
    // A run killed without cleaning up leaves no service behind.
    EXIT_WITH_PID: String(process.pid),
    ...env,
    PORT: String(port),
  };
  // Its own Kafka credentials (envFor) and, first, its ACLs for the namespace it runs in.
  await grantKafkaAcls(name, fullEnv.KAFKA_NAMESPACE);
  // Compiled by tools/cli/build.mjs, which Jest's global set-up and run-script.mjs call.
  const entry = join(repoRoot, 'dist/apps', name, 'src/main.js');
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: run npm run build (npm test and the scripts do)`);
  }
  const child = spawn(
    process.execPath,
    [
      // As npm start (tools/cli/services.mjs, NODE_FLAGS, where the memory cap is explained).
      ...SERVICE_MANIFEST.nodeFlags,
      entry,
    ],
    {
      cwd: repoRoot,
      env: fullEnv,
      stdio: ['ignore', options.quiet ? 'ignore' : 'inherit', 'inherit'],
    },
  );
  let done = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => {
      done = true;
      resolve(signal ? -1 : code);
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const stopWith = async (signal: NodeJS.Signals) => {
    if (done) return;
    child.kill(signal);
    await exited;
  };
  // A process that exits while starting (e.g. Kafka unreachable at boot) fails at once,
  // instead of being polled for until the timeout; one that does not answer in time is
  // killed, so that a second attempt finds its port free.
  await Promise.race([
    eventually(
      async () => {
        const res = await fetch(`${baseUrl}${SERVICE_MANIFEST.health.start}`).catch(
          () => undefined,
        );
        return res?.ok || done ? true : undefined;
      },
      // A restarted consumer may wait out its dead predecessor's session and a rebalance
      // (longer while the broker restarts), and /health answers once it has joined.
      180_000,
      `${name} to answer /health`,
    ),
    exited,
  ]).catch(async (err: unknown) => {
    await stopWith('SIGKILL');
    throw err;
  });
  if (done) throw new Error(`${name} exited during start-up`);
  return {
    name,
    baseUrl,
    port,
    env: fullEnv,
    child,
    exited,
    stop: () => stopWith('SIGTERM'),
    kill: () => stopWith('SIGKILL'),
  };
}
