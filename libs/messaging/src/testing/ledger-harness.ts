// Helpers for the messaging integration tests around the ledger fixture.
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Model } from 'mongoose';
import {
  eventually,
  freePort,
  kafkaSuperuserEnv,
  testInfra,
  uniqueName,
} from '@lien-thong/test-infra';
import { RunningService, startService } from '@lien-thong/testing';
import { LEDGER_SERVICE, LedgerConfig, LedgerEntry, LedgerService } from './ledger.fixture';

const repoRoot = join(__dirname, '../../../..');

/** One ledger "deployment": its database and topic namespace survive restarts. */
export function ledgerDeployment(extra: NodeJS.ProcessEnv = {}) {
  const { kafkaBrokers, mongoUrl, envFor } = testInfra();
  // The fixture produces the land registry's refusals, so it signs them with its key.
  const { EVENT_SIGNING_KEY, EVENT_VERIFY_KEYS } = envFor('land-registry');
  const env: NodeJS.ProcessEnv = {
    KAFKA_BROKERS: kafkaBrokers,
    // A test fixture, not a bus service: no Kafka user of its own, it runs as the super user.
    ...kafkaSuperuserEnv(),
    MONGO_URL: mongoUrl,
    EVENT_SIGNING_KEY,
    EVENT_VERIFY_KEYS,
    MONGO_DB: uniqueName('ledger'),
    KAFKA_NAMESPACE: uniqueName('t'),
    RETRY_DELAYS_MS: '300,600,900',
    OUTBOX_POLL_MS: '200',
    LOG_LEVEL: 'error',
    ...extra,
  };
  return {
    env,
    start: (more: NodeJS.ProcessEnv = {}): Promise<RunningService<LedgerConfig>> =>
      startService(LEDGER_SERVICE, { ...env, ...more }),
    /** Runs the fixture as a separate process (so that it can really be killed). */
    async spawn(
      more: NodeJS.ProcessEnv = {},
    ): Promise<{ child: ChildProcess; baseUrl: string; exited: Promise<number | null> }> {
      const port = await freePort();
      const child = spawn(
        process.execPath,
        // Compiled into dist/ like the services (tools/cli/build.mjs, run by Jest's set-up).
        [
          '--enable-source-maps',
          '--disable-warning=TimeoutNegativeWarning',
          'dist/libs/messaging/src/testing/ledger.main.js',
        ],
        {
          cwd: repoRoot,
          env: { ...process.env, ...env, ...more, PORT: String(port) },
          stdio: ['ignore', 'inherit', 'inherit'],
        },
      );
      const exited = new Promise<number | null>((resolve) =>
        child.on('exit', (code, signal) => resolve(signal ? -1 : code)),
      );
      const baseUrl = `http://127.0.0.1:${port}`;
      await eventually(
        async () =>
          (await fetch(`${baseUrl}/health`).catch(() => undefined))?.ok ? true : undefined,
        60_000,
        'the ledger process to be healthy',
      );
      return { child, baseUrl, exited };
    },
  };
}

export function ledgerOf(service: RunningService<LedgerConfig>): Model<LedgerEntry> {
  return service.app.get(LedgerService).ledger;
}

export async function emit(
  baseUrl: string,
  sourceId: string,
  dossierCode: string,
  reasonCode = 'TEST.OK',
): Promise<void> {
  const res = await fetch(`${baseUrl}/ledger/emit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sourceId, dossierCode, reasonCode }),
  });
  if (!res.ok) throw new Error(`emit failed: ${res.status} ${await res.text()}`);
}
