import { randomBytes } from 'node:crypto';
import { startStack, Stack, StackService } from '../stack';
import { ChaosPlan, FaultAction } from './chaos-plan';
import { bulkParcelsNeeded, ChaosCitizen, chaosCitizens } from './chaos-scenarios';
import { ChaosDatabases } from './chaos-databases';
import { CitizenDriver, submit, Submission } from './chaos-citizens';
import { PoisonEvent, poisonBatch, publishPoison } from './chaos-poison';
import { request, requestUntilAnswered } from './chaos-http';
import { consumerLag } from './chaos-lag';
import { BacklogObservation, BacklogWatcher, drainOrder } from './chaos-backlog';
import { auditChaos, ChaosAudit } from './chaos-audit';

export interface ChaosRunOptions {
  plan: ChaosPlan;
  log?: (line: string) => void;
  /** The services' LOG_LEVEL (their stderr is shown); 'error' keeps a long run readable. */
  serviceLogLevel?: string;
}

export interface ChaosReport {
  plan: ChaosPlan;
  audit: ChaosAudit;
  backlog: BacklogObservation;
  /** Share of dossiers that waited for the Justice registry and went on in receipt order. */
  justiceDrainOrder: number | null;
  /** What was done when, and how long each crash took to recover. */
  faultLog: string[];
  kafkaRestarted: boolean;
  seconds: { total: number; faults: number; recovery: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SETTLED = ['RESULT_READY', 'DONE', 'REFUSED', 'SUPPLEMENT_REQUESTED'];

/** Runs fn every `everyMs` until stopped; errors (a service down) wait for the next round. */
function every(everyMs: number, fn: () => Promise<void>): () => Promise<void> {
  let running = true;
  const loop = (async () => {
    while (running) {
      await fn().catch(() => undefined);
      await sleep(everyMs);
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}

/**
 * The chaos run: the whole stack as processes, n citizens submitting and paying while the
 * plan's faults are injected, then a wait for quiescence and the audit of the whole history.
 */
export async function runChaos(options: ChaosRunOptions): Promise<ChaosReport> {
  const { plan } = options;
  const log = options.log ?? (() => undefined);
  const runId = randomBytes(3).toString('hex');
  const started = Date.now();
  const citizens = chaosCitizens(plan.dossiers);
  const logLevel = options.serviceLogLevel ?? 'error';
  const stack = await startStack({
    // Warnings and below go to stdout: shown only when asked for.
    quiet: logLevel === 'error',
    common: { RETRY_DELAYS_MS: plan.retryDelaysMs, LOG_LEVEL: logLevel },
    env: {
      'land-registry': { SEED_BULK_PARCELS: String(bulkParcelsNeeded(plan.dossiers)) },
      // Orders paid while the gateway's callbacks could not get through are found sooner.
      'tax-obligation': { PAYMENT_RECONCILE_MS: '5000' },
    },
  });
  const databases = new ChaosDatabases(stack);
  try {
    log(
      `stack up in ${((Date.now() - started) / 1000).toFixed(0)} s (namespace ${stack.namespace})`,
    );
    return await drive(stack, databases, citizens, runId, options, log, started);
  } finally {
    await databases.close();
    await stack.stop();
  }
}

async function drive(
  stack: Stack,
  databases: ChaosDatabases,
  citizens: ChaosCitizen[],
  runId: string,
  options: ChaosRunOptions,
  log: (line: string) => void,
  started: number,
): Promise<ChaosReport> {
  const { plan } = options;
  const t0 = Date.now();
  const at = () => `+${((Date.now() - t0) / 1000).toFixed(1)} s`;
  const faultLog: string[] = [];
  const note = (line: string) => {
    faultLog.push(`${at()} ${line}`);
    log(`${at()} ${line}`);
  };
  const poison: PoisonEvent[] = [];
  let kafkaRestarted = false;

  // One restart of a service at a time; a start that fails (Kafka still down, say) is
  // tried again, as an orchestrator's restart policy would.
  const lanes = new Map<StackService, Promise<unknown>>();
  const inLane = <T>(service: StackService, fn: () => Promise<T>): Promise<T> => {
    const next = (lanes.get(service) ?? Promise.resolve()).catch(() => undefined).then(fn);
    lanes.set(service, next);
    return next;
  };
  const supervise = async (service: StackService, first: () => Promise<void>) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await (attempt === 1 ? first() : stack.restart(service));
      } catch (err) {
        if (attempt >= 20) throw err;
        note(
          `  ${service} did not start (${err instanceof Error ? err.message : String(err)}); starting it again`,
        );
        await sleep(2_000);
      }
    }
  };

  const apply = async (action: FaultAction): Promise<string> => {
    const sim = stack.url['agency-simulators'];
    const timed = async (what: string, fn: () => Promise<void>) => {
      const from = Date.now();
      await fn();
      return `${what} in ${((Date.now() - from) / 1000).toFixed(1)} s`;
    };
    switch (action.kind) {
      case 'agency':
      case 'heal': {
        const settings = action.kind === 'agency' ? action.settings : {};
        await requestUntilAnswered('PUT', `${sim}/admin/faults/${action.agency}`, settings);
        return 'set';
      }
      case 'crash':
        return inLane(action.service, () =>
          timed('killed and back up', () =>
            supervise(action.service, () => stack.crash(action.service)),
          ),
        );
      case 'sigterm':
        return inLane(action.service, () =>
          timed('stopped gracefully and back up', () =>
            supervise(action.service, () => stack.restart(action.service)),
          ),
        );
      case 'kafka-restart': {
        const control = process.env.INFRA_CONTROL_URL;
        if (!control)
          return 'skipped: no INFRA_CONTROL_URL (run through npm run chaos or npm test)';
        const answer = await request('POST', `${control}/kafka/restart`, undefined, {}, 120_000);
        if (answer.status !== 200) throw new Error(`Kafka restart: HTTP ${answer.status}`);
        kafkaRestarted = true;
        return 'broker back on the same port and data';
      }
      case 'poison': {
        const batch = poisonBatch(runId, action.batch);
        await publishPoison(stack.namespace, batch);
        poison.push(...batch);
        return `${batch.length} published`;
      }
    }
  };

  const faults = Promise.all(
    plan.faults.map(async (f) => {
      await sleep(Math.max(0, t0 + f.atMs - Date.now()));
      note(f.why);
      try {
        note(`  ${f.why}: ${await apply(f.action)}`);
      } catch (err) {
        note(`  ${f.why}: FAILED ${err instanceof Error ? err.message : String(err)}`);
      }
    }),
  );
  const byCode = new Map<string, ChaosCitizen>();
  const submissions = Promise.all(
    citizens.map(async (c) => {
      await sleep(Math.max(0, t0 + (c.index * plan.submitOverMs) / citizens.length - Date.now()));
      const s = await submit(stack, c, runId).catch((err: unknown): Submission => ({
        citizen: c,
        idempotencyKey: `chaos-${runId}-${c.index}`,
        replayed: false,
        rejected: { status: 0, code: String(err) },
      }));
      // The citizen pays as soon as the notice comes (the driver only knows received dossiers).
      if (s.dossierCode) byCode.set(s.dossierCode, c);
      return s;
    }),
  );
  const driver = new CitizenDriver(stack, databases, byCode);
  const watcher = new BacklogWatcher(stack, databases);
  const stopDriver = every(1_000, () => driver.tick());
  const stopWatcher = every(2_000, () => watcher.tick());
  const submitted = await submissions;
  await faults;
  const faultsEnded = Date.now();
  const received = submitted.filter((s) => s.dossierCode).length;
  note(`faults over; ${received}/${citizens.length} dossiers received; waiting for quiescence`);

  const quiet = await waitForQuiescence(stack, databases, submitted, plan, note);
  await stopDriver();
  await stopWatcher();
  const recovery = Math.max(0, (quiet - faultsEnded) / 1000);
  note(`quiescent ${recovery.toFixed(1)} s after the last fault; auditing`);
  const justiceWaited = [...(watcher.observation.waited['justice-registry']?.keys() ?? [])];
  const audit = await auditChaos({
    stack,
    databases,
    submissions: submitted,
    poison,
    recoverySeconds: Math.round(recovery * 10) / 10,
  });
  return {
    plan,
    audit,
    backlog: watcher.observation,
    justiceDrainOrder: await drainOrder(databases, justiceWaited, 'PARCEL_CHECKED'),
    faultLog,
    kafkaRestarted,
    seconds: {
      total: Math.round((Date.now() - started) / 1000),
      faults: Math.round((faultsEnded - t0) / 1000),
      recovery: Math.round(recovery),
    },
  };
}

/**
 * Quiescent: every dossier settled (finished, or with the citizen), no notification still
 * pending, every outbox empty and every consumer group caught up, including its retry
 * topics; twice in a row. Returns when that state began.
 */
async function waitForQuiescence(
  stack: Stack,
  databases: ChaosDatabases,
  submitted: Submission[],
  plan: ChaosPlan,
  note: (line: string) => void,
): Promise<number> {
  const deadline = Date.now() + plan.quiescenceTimeoutMs;
  const expected = new Map(
    submitted.flatMap((s) => (s.dossierCode ? [[s.dossierCode, s.citizen] as const] : [])),
  );
  const services: StackService[] = [
    'land-registry',
    'secured-transactions',
    'tax-obligation',
    'notification',
  ];
  const retryLevels = plan.retryDelaysMs.split(',').length;
  let quietSince: number | undefined;
  let lastReport = 0;
  while (Date.now() < deadline) {
    const polled = Date.now();
    const state = await (async () => {
      const dossiers = await databases.find<{ _id: string; status: string }>(
        'land-registry',
        'dossiers',
        {},
        { _id: 1, status: 1 },
      );
      const unsettled =
        dossiers.filter((d) => {
          const c = expected.get(d._id);
          if (!c) return false;
          return !(
            SETTLED.includes(d.status) ||
            (d.status === 'WAITING_FOR_PAYMENT' && c.scenario.payment === 'NEVER')
          );
        }).length + Math.max(0, expected.size - dossiers.filter((d) => expected.has(d._id)).length);
      const pending = await databases.count('notification', 'deliveries', { status: 'PENDING' });
      const outboxes = await Promise.all(services.map((s) => databases.pendingOutbox(s)));
      const outbox = outboxes.reduce((a, b) => a + b, 0);
      const lag = await consumerLag(stack.namespace, retryLevels);
      const lagging = Object.values(lag).reduce((a, b) => a + b, 0);
      return { unsettled, pending, outbox, lag: lagging, byGroup: lag };
    })().catch((err: unknown) => ({ error: String(err) }));
    const quiet =
      !('error' in state) && state.unsettled + state.pending + state.outbox + state.lag === 0;
    if (quiet && quietSince !== undefined) return quietSince;
    quietSince = quiet ? polled : undefined;
    if (Date.now() - lastReport > 15_000) {
      note(`  not quiescent yet: ${JSON.stringify(state)}`);
      lastReport = Date.now();
    }
    await sleep(2_000);
  }
  note('  gave up waiting for quiescence; auditing what there is');
  return Date.now();
}
