import { randomBytes } from 'node:crypto';
import { startStack, Stack } from '../stack';
import { ChaosPlan } from './chaos-plan';
import { bulkParcelsNeeded, ChaosCitizen, chaosCitizens } from './chaos-scenarios';
import { ChaosDatabases } from './chaos-databases';
import { CitizenDriver, submit, Submission } from './chaos-citizens';
import { LandOfficeDriver } from './chaos-land-office';
import { FaultInjector } from './chaos-faults';
import { waitForQuiescence } from './chaos-quiescence';
import { BacklogObservation, BacklogWatcher, drainOrder } from './chaos-backlog';
import { auditChaos, ChaosAudit } from './chaos-audit';
import {
  auditBusCompleteness,
  BusCompleteness,
  KafkaNodeControl,
  LeaderKill,
} from './chaos-cluster';

export interface ChaosRunOptions {
  plan: ChaosPlan;
  log?: (line: string) => void;
  /** The services' LOG_LEVEL (their stderr is shown); 'error' keeps a long run readable. */
  serviceLogLevel?: string;
  /**
   * A Kafka cluster the stack runs on (testInfra() already pointed at it): the plan's
   * kafka-kill-leader and kafka-restart-killed act on it, and the audit also checks each
   * dossier's events on the bus (chaos-cluster.ts).
   */
  kafkaCluster?: KafkaNodeControl;
  /** Instances of each service (with DOCUMENT_LOCK=lease above one); faults hit one at a time. */
  instances?: number;
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
  /** A cluster run: the node killed as leader, and each dossier's events on the bus. */
  cluster?: { leaderKilled?: LeaderKill; bus: BusCompleteness };
  seconds: { total: number; faults: number; recovery: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
    instances: options.instances,
    // Warnings and below go to stdout: shown only when asked for.
    quiet: logLevel === 'error',
    common: { RETRY_DELAYS_MS: plan.retryDelaysMs, LOG_LEVEL: logLevel },
    env: {
      // The department answers 8 s after it takes a request (1 s by default): its outage
      // then catches house registrations whose answers are still pending at it.
      'agency-simulators': { CONSTRUCTION_ANSWER_DELAY_MS: '8000' },
      // Requests it could not take are submitted again, and answers looked for, every 2 s.
      construction: { OPINION_SWEEP_MS: '2000' },
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
  const injector = new FaultInjector(stack, runId, note, options.kafkaCluster);

  const faults = Promise.all(
    plan.faults.map(async (f) => {
      await sleep(Math.max(0, t0 + f.atMs - Date.now()));
      note(f.why);
      try {
        note(`  ${f.why}: ${await injector.apply(f.action)}`);
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
  const stopDriver = every(2_000, () => driver.tick());
  // The land office reviews and approves what is paid; citizens and officers decide as planned.
  const office = new LandOfficeDriver(stack, databases, byCode);
  const stopOffice = every(2_000, () => office.tick());
  const stopWatcher = every(3_000, () => watcher.tick());
  const submitted = await submissions;
  await faults;
  const faultsEnded = Date.now();
  const received = submitted.filter((s) => s.dossierCode).length;
  note(`faults over; ${received}/${citizens.length} dossiers received; waiting for quiescence`);

  const quiet = await waitForQuiescence(stack, databases, submitted, plan, note);
  await stopDriver();
  await stopOffice();
  await stopWatcher();
  const recovery = Math.max(0, (quiet - faultsEnded) / 1000);
  note(`quiescent ${recovery.toFixed(1)} s after the last fault; auditing`);
  const justiceWaited = [...(watcher.observation.waited['justice-registry']?.keys() ?? [])];
  const audit = await auditChaos({
    stack,
    databases,
    submissions: submitted,
    poison: injector.poison,
    recoverySeconds: Math.round(recovery * 10) / 10,
  });
  const cluster = options.kafkaCluster
    ? {
        leaderKilled: injector.leaderKilled,
        bus: await auditBusCompleteness(stack.namespace, databases, submitted),
      }
    : undefined;
  return {
    plan,
    audit,
    cluster,
    backlog: watcher.observation,
    justiceDrainOrder: await drainOrder(databases, justiceWaited, 'PARCEL_CHECKED'),
    faultLog,
    kafkaRestarted: injector.kafkaRestarted,
    seconds: {
      total: Math.round((Date.now() - started) / 1000),
      faults: Math.round((faultsEnded - t0) / 1000),
      recovery: Math.round(recovery),
    },
  };
}
