// npm run bench — the whole system on the real stack (issue 7): the limits of Kafka and the
// database on this machine, dossiers end to end through the public API, latency against
// offered load, and how fast a backlog drains after an agency outage.
//
//   npm run bench -- [--n 5000] [--concurrency 32] [--loads 0.25,0.5,0.75,1]
//                    [--paced-seconds 60] [--drain-n <n>] [--skip-limits] [--cpu-prof [dir]]
//                    [--cpu-prof-interval 2000]  (µs between samples)
//   --cpu-prof: V8 CPU profiles of every service over the full-speed step, written to dir
//   (default tmp/bench-profiles/bench-<time>) and summarised (bench/cpu-profile-summary.ts),
//   with the services' memory at their largest RSS (bench/memory.ts)
//   npm run bench -- --soak 600 [--n 500]      ten minutes at half the maximum rate, with
//   [--heap-snapshots]                         each service's heap after full collections
//                                              (bench/live-heap.ts; snapshots: what grew)
//   npm run bench -- --history 200000          history: see docs/benchmarks.md (default 20,000;
//                                              --history 0 measures on empty databases only)
//
// Prints a table per part and, last, one JSON line.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import mongoose from 'mongoose';
import {
  authAs,
  SAMPLE_USERS,
  startStack,
  SERVICE_MANIFEST,
  Stack,
  STACK_SERVICES,
  testInfra,
} from '@lien-thong/testing';
import { bsonSize, commandCounts, rawDbWrites, writeCommandCount } from './bench/db-raw';
import { kafkaPerfTools, rawKafkajs } from './bench/kafka-raw';
import { latencyChart } from './bench/chart';
import { apiRequests, DossierDriver, DossierState, Tracked } from './bench/dossiers';
import { readDocument, readInboxes, StackObserver } from './bench/observer';
import { HOP_SEGMENTS } from '@lien-thong/messaging';
import { HopBuckets, hopCount, hopQuantileMs, readHops, totalOf } from './bench/hop-metric';
import { findInfraPids, machine, machineTicks, ProcWatch, readProc } from './bench/proc';
import { isSimulators, printCpuSplit } from './bench/cpu-split';
import { captureTemplates, HistoryLoaded, HistoryTemplates, loadHistory } from './bench/history';
import { printQueryPlans, QueryPlan, queryPlans } from './bench/query-plans';
import { printCpuProfiles } from './bench/cpu-profile-summary';
import { MemoryWatch } from './bench/memory';
import { LiveHeap } from './bench/live-heap';
import {
  Args,
  fmt,
  inParallel,
  paced,
  round,
  sleep,
  summarize,
  Summary,
  table,
} from './bench/stats';

const log = (m: string) => console.log(`[bench] ${m}`);

interface PhaseResult {
  label: string;
  offeredPerSec: number | null;
  submitted: number;
  failed: number;
  /** Why the first refused submission was refused (the API's answer), when any was. */
  firstFailure?: string;
  registered: number;
  refused: number;
  acceptedPerSec: number;
  dossiersPerSec: number;
  latencyMs: Summary;
  /** Quantiles as bucket bounds of the consumers' histogram (≤ p ms). */
  hopMs: HopQuantiles;
  /** The same by stream ("topic → group"), slowest p99 first. */
  hops: ({ hop: string } & HopQuantiles)[];
  /** Where the hops' time went (relay, broker, waiting, handling), over all streams. */
  hopSegments: ({ segment: string } & HopQuantiles)[];
  eventsPerDossier: number;
  /** The same by event type, e.g. "ParcelCheckRequested 2". */
  eventsByType: Record<string, number>;
  retriesPerDossier: number;
  dbWritesPerDossier: number;
  cpuSec: Record<string, number>;
  /** The Kafka broker's CPU seconds in the step by kind of thread (bench/proc.ts). */
  brokerThreadsSec: Record<string, number>;
  /** Seconds from the first submission until every consumer had caught up. */
  allDoneSec: number;
  /** Share of the machine's cores busy over the step (all processes, /proc/stat). */
  machineBusy: number;
  stalled?: string;
}

async function main(): Promise<void> {
  const args = new Args();
  const n = Math.max(1, Math.round(args.number('n', 5000)));
  const concurrency = args.number('concurrency', 32);
  const inFlight = args.number('in-flight', 8);
  const burst = args.has('burst');
  const loads = args
    .string('loads', '0.25,0.5,0.75,1')
    .split(',')
    .map(Number)
    .filter((x) => x > 0);
  const pacedSeconds = args.number('paced-seconds', 60);
  const drainN = Math.max(1, Math.round(args.number('drain-n', n)));
  const soakSeconds = args.number('soak', 0);
  const historyCount = Math.max(0, Math.round(args.number('history', 20_000)));
  const profileArg = args.optional('cpu-prof');
  const profile = profileArg !== undefined;
  const heapSnapshots = args.has('heap-snapshots');
  const skipLimits = args.has('skip-limits');
  const stallMs = args.number('stall-seconds', 120) * 1000;
  // By default the benchmark pays each order as soon as the land registry shows the dossier
  // WAITING_FOR_PAYMENT (read from its database, bench/dossiers.ts). The gateway's own
  // auto-pay (--pay-delay-ms) can reach the land registry before the assessment, and the
  // payment then goes round the retry topic (docs/benchmarks.md, finding 5).
  const payDelayMs = args.has('pay-delay-ms') ? args.number('pay-delay-ms', 0) : null;
  const { kafkaBrokers, mongoUrl, simulatorsMongoUrl } = testInfra();
  const host = machine();
  const started = new Date();
  log(
    `${host.cores} × ${host.cpu}, ${host.memGb} GB; load average ${host.load.join(' ')} ` +
      `(others may be using this machine: compare before trusting a figure)`,
  );

  const profileDir = profileArg
    ? resolve(profileArg)
    : join(process.cwd(), 'tmp', 'bench-profiles', `bench-${Date.now()}`);
  if (profile) mkdirSync(profileDir, { recursive: true });
  // The soak measures each service's live heap (bench/heap-hook.cjs writes it here).
  const heapDir = join(process.cwd(), 'tmp', 'bench-heap', `soak-${Date.now()}`);
  if (soakSeconds > 0) mkdirSync(heapDir, { recursive: true });
  const hooks = [
    ...(profile ? [`--require ${join(__dirname, 'bench', 'profile-hook.cjs')}`] : []),
    ...(soakSeconds > 0 ? [`--require ${join(__dirname, 'bench', 'heap-hook.cjs')}`] : []),
  ];
  // Registered parcels are sold again; a burst needs n more at once.
  const seed = (burst ? 2 * n : n) + 20;
  log(
    `starting the stack: ${seed} generated parcels, ${payDelayMs === null ? 'each order paid as soon as the dossier waits for payment' : `every payment order paid ${payDelayMs} ms after it opens`}, retries 0.5 s / 2 s / 5 s…`,
  );
  const start = () =>
    startStack({
      quiet: true,
      common: {
        LOG_LEVEL: 'warn',
        RETRY_DELAYS_MS: '500,2000,5000',
        ...(hooks.length > 0 ? { NODE_OPTIONS: hooks.join(' ') } : {}),
        ...(soakSeconds > 0 ? { BENCH_HEAP_DIR: heapDir } : {}),
        ...(profile
          ? {
              BENCH_PROFILE_DIR: profileDir,
              BENCH_PROFILE_INTERVAL_US: String(args.number('cpu-prof-interval', 2000)),
            }
          : {}),
      },
      env: {
        'land-registry': { SEED_BULK_PARCELS: String(seed) },
        'agency-simulators': payDelayMs === null ? {} : { PAYMENT_AUTO_PAY_MS: String(payDelayMs) },
      },
    });
  // A service that fails to boot (it happens on a busy machine) gets one more chance.
  const stack: Stack = await start().catch((err: unknown) => {
    log(
      `the stack did not start (${err instanceof Error ? err.message : String(err)}); trying once more`,
    );
    return start();
  });
  const sim = stack.url['agency-simulators'];
  // Stopped from outside (Ctrl-C, or run-script's SIGTERM): no service process is left behind.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      log(`${signal}: stopping the services`);
      void stack.stop().finally(() => process.exit(130));
    });
  const pids = Object.fromEntries(
    STACK_SERVICES.map((s) => [s, stack.processes.get(s)?.child.pid ?? 0] as const),
  ) as Record<string, number>;
  const watch = new ProcWatch({
    ...pids,
    ...findInfraPids(kafkaBrokers, mongoUrl, simulatorsMongoUrl),
  });
  const observer = await StackObserver.start(kafkaBrokers.split(','), stack.namespace);
  const landRegistryDb = await mongoose
    .createConnection(mongoUrl, { dbName: `${stack.namespace}-land-registry` })
    .asPromise();
  const dossiers = landRegistryDb.collection<DossierState & { _id: string }>('dossiers');
  const driver = new DossierDriver(
    stack.url['land-registry'],
    (code) =>
      dossiers.findOne({ _id: code }, { projection: { status: 1, unit: 1, assessment: 1 } }),
    payDelayMs === null ? sim : undefined,
  );
  observer.onEvent((e) => driver.onEvent(e));

  const waitRegistered = async (tracked: Tracked[], label: string): Promise<string | undefined> => {
    const accepted = tracked.filter((t) => t.code);
    let last = -1;
    let lastChange = Date.now();
    let report = Date.now() + 15_000;
    for (;;) {
      const done = accepted.filter(
        (t) => t.registeredAt !== undefined || t.refusedAt !== undefined,
      ).length;
      if (done === accepted.length) return undefined;
      if (done !== last) {
        last = done;
        lastChange = Date.now();
      }
      if (Date.now() > report) {
        log(
          `  ${label}: ${done}/${accepted.length} dossiers finished; consumer lag ${await observer.lag()}`,
        );
        report = Date.now() + 15_000;
      }
      // Nothing moves and no consumer lags: what is left is stuck for good (no need to wait longer).
      const idle =
        Date.now() - lastChange > 30_000 &&
        Date.now() - observer.lastEventAt > 30_000 &&
        (await observer.lag()) === 0;
      // Stalled: no dossier finished and no event appeared for stallMs. A backlog moves all
      // its dossiers a step at a time, so the first ones finish late while events flow.
      const stalled = Date.now() - Math.max(lastChange, observer.lastEventAt) > stallMs;
      if (idle || stalled) {
        const stuck = accepted.filter(
          (t) => t.registeredAt === undefined && t.refusedAt === undefined,
        );
        const where = new Map<string, number>();
        for (const t of stuck.slice(0, 200)) {
          const view = (await fetch(`${stack.url['land-registry']}/dossiers/${t.code}`, {
            headers: await authAs(SAMPLE_USERS.counterBaDinh),
          })
            .then((r) => r.json())
            .catch(() => ({}))) as {
            status?: string;
            waitingFor?: { agency: string } | null;
            assessment?: { assessmentId: string } | null;
          };
          let payment = '';
          if (view.status === 'WAITING_FOR_PAYMENT' && view.assessment) {
            const order = await readDocument(
              simulatorsMongoUrl,
              `${stack.namespace}-agency-simulators`,
              'payment_orders',
              view.assessment.assessmentId,
            ).catch(() => null);
            const tax = await readDocument(
              mongoUrl,
              `${stack.namespace}-tax-obligation`,
              'assessments',
              view.assessment.assessmentId,
            ).catch(() => null);
            const created = tax?.createdAt instanceof Date ? tax.createdAt.getTime() : Number.NaN;
            const paidAt =
              typeof order?.paidAt === 'string' ? Date.parse(order.paidAt) : Number.NaN;
            payment =
              ` (gateway order ${String(order?.status)}, ${String(order?.callbackAttempts)} callback attempts, last error "${String(order?.callbackLastError ?? '').slice(0, 60)}"; ` +
              `tax assessment ${String(tax?.status)}, stored ${fmt((created - paidAt) / 1000)} s after the payment)`;
          }
          const seen = observer.events
            .filter((e) => e.dossierKey === t.code && !e.retry)
            .map((e) => e.type);
          const key = `${view.status ?? '?'}${view.waitingFor ? ` waiting for ${view.waitingFor.agency}` : ''}${payment}, last event ${seen[seen.length - 1] ?? 'none'}`;
          where.set(key, (where.get(key) ?? 0) + 1);
        }
        // How the land registry handled the events of one stuck dossier, in order.
        const first = stuck[0];
        const handled = (await readInboxes(mongoUrl, stack.namespace, started)).filter(
          (h) => h.service === 'land-registry',
        );
        const mine = observer.events.filter((e) => e.dossierKey === first?.code && !e.retry);
        const order = mine
          .map((e) => ({ e, h: handled.find((h) => h.eventId === e.eventId) }))
          .filter((x) => x.h)
          .sort((a, b) => (a.h?.handledAt ?? 0) - (b.h?.handledAt ?? 0))
          .map(
            (x) =>
              `${x.e.type}@${fmt(((x.h?.handledAt ?? 0) - first.submittedAt) / 1000, 2)}s (occurred ${fmt((x.e.occurredAt - first.submittedAt) / 1000, 2)}s)`,
          );
        return (
          `${done}/${accepted.length} finished, none for ${stallMs / 1000} s (consumer lag ${await observer.lag()}); stuck: ` +
          [...where].map(([k, v]) => `${v} × ${k}`).join('; ') +
          `; land-registry handled the events of ${first?.code} in this order: ${order.join(', ')}`
        );
      }
      await sleep(250);
    }
  };

  /**
   * Submits `count` dossiers and measures until all work is done: 'closed' keeps `inFlight`
   * dossiers in the system (the next is submitted when one is registered), 'burst' submits
   * all as fast as the API accepts them (`concurrency` requests in flight), a number paces
   * the submissions at that many per second (open loop).
   */
  const phase = async (
    label: string,
    count: number,
    mode: 'closed' | 'burst' | number,
    // Profiled (--cpu-prof): the full-speed step only, where CPU per dossier is measured.
    profiled = false,
  ): Promise<PhaseResult> => {
    const perSecond = typeof mode === 'number' ? mode : null;
    await observer.waitQuiet(600_000);
    const writesBefore = await writeCommandCount(mongoUrl);
    // Every handled event's hop, as the consumers measure it (the inbox no longer records
    // the events of APPLIED_ONCE handlers).
    const ours = STACK_SERVICES.filter((s) => s !== 'agency-simulators').map((s) => stack.url[s]);
    const hopsBefore = await readHops(ours);
    watch.mark(label);
    const ticksBefore = machineTicks();
    const firstEvent = observer.events.length;
    const t0 = Date.now();
    if (profiled) for (const pid of Object.values(pids)) if (pid > 0) process.kill(pid, 'SIGWINCH');
    const tracked: Tracked[] = [];
    const one = async () => {
      tracked.push(await driver.submit(label));
    };
    if (mode === 'burst') await inParallel(count, concurrency, one);
    else if (mode === 'closed')
      await inParallel(count, inFlight, async () => {
        const t = await driver.submit(label);
        tracked.push(t);
        await driver.whenFinished(t, stallMs);
      });
    else await paced(count, mode, one);
    const lastAccepted = Math.max(...tracked.map((t) => t.acceptedAt ?? 0));
    const stalled = await waitRegistered(tracked, label);
    const doneAt = stalled ? Date.now() : await observer.waitQuiet(600_000).catch(() => Date.now());
    if (profiled) for (const pid of Object.values(pids)) if (pid > 0) process.kill(pid, 'SIGWINCH');
    const cpu = watch.cpuBetween(label);
    const ticksAfter = machineTicks();
    const brokerThreads = Object.fromEntries(watch.brokerThreadsSince(label));
    const writesAfter = await writeCommandCount(mongoUrl);
    const hopsAfter = await readHops(ours);
    const accepted = tracked.filter((t) => t.code);
    const registered = accepted.filter((t) => t.registeredAt !== undefined);
    const codes = new Set(accepted.map((t) => t.code));
    const events = observer.events.slice(firstEvent).filter((e) => codes.has(e.dossierKey));
    const lastRegistered = Math.max(...registered.map((t) => t.registeredAt ?? 0));
    return {
      label,
      offeredPerSec: perSecond,
      submitted: tracked.length,
      failed: tracked.length - accepted.length,
      firstFailure: tracked.find((t) => t.failed)?.failed,
      registered: registered.length,
      refused: accepted.filter((t) => t.refusedAt !== undefined).length,
      acceptedPerSec: accepted.length / ((lastAccepted - t0) / 1000),
      dossiersPerSec: registered.length / ((lastRegistered - t0) / 1000),
      latencyMs: summarize(registered.map((t) => (t.registeredAt ?? 0) - t.submittedAt)),
      // The consumers' histogram: each quantile is the bound of the bucket it falls in.
      hopMs: hopQuantiles(totalOf(hopsBefore.streams), totalOf(hopsAfter.streams)),
      hops: [...hopsAfter.streams]
        .map(([hop, after]) => ({ hop, ...hopQuantiles(hopsBefore.streams.get(hop), after) }))
        .filter((h) => h.n > 0)
        .sort((a, b) => b.p99 - a.p99 || b.p90 - a.p90 || a.hop.localeCompare(b.hop)),
      hopSegments: HOP_SEGMENTS.flatMap((segment) => {
        const after = hopsAfter.segments.get(segment);
        return after ? [{ segment, ...hopQuantiles(hopsBefore.segments.get(segment), after) }] : [];
      }),
      eventsPerDossier: events.filter((e) => !e.retry).length / Math.max(1, accepted.length),
      eventsByType: Object.fromEntries(
        [...new Set(events.map((e) => e.type))].map((type) => [
          type,
          events.filter((e) => !e.retry && e.type === type).length / Math.max(1, accepted.length),
        ]),
      ),
      retriesPerDossier: events.filter((e) => e.retry).length / Math.max(1, accepted.length),
      dbWritesPerDossier: (writesAfter.writes - writesBefore.writes) / Math.max(1, accepted.length),
      cpuSec: cpu,
      brokerThreadsSec: brokerThreads,
      allDoneSec: (doneAt - t0) / 1000,
      machineBusy:
        (ticksAfter.busy - ticksBefore.busy) / Math.max(1, ticksAfter.all - ticksBefore.all),
      ...(stalled ? { stalled } : {}),
    };
  };

  /**
   * Years of a land office's work loaded in a minute: PostgreSQL's statistics may still
   * describe the tables as they were before the load, and until autovacuum analyzes them
   * again (it looks once a minute) the planner may read whole tables for filters their
   * indexes serve: two runs whose history step started right after the load ran it at
   * 57–60 % of the empty rate, and `pg_stat_user_tables` showed 207 sequential scans of the
   * tax assessments, about 10,000 rows each. A database that grew at a land office's pace
   * has current statistics. So the step waits one autovacuum round (70 s), then until every
   * hot query that used an index before the load uses one again (two minutes more at most),
   * and says how long it waited. (Explain alone does not tell: it plans afresh, and showed
   * indexes at once.)
   */
  const waitForPlans = async (indexedBefore: QueryPlan[]) => {
    const started = Date.now();
    await sleep(70_000);
    const key = (p: QueryPlan) => `${p.service} ${p.collection} ${p.shape}`;
    const wanted = new Set(indexedBefore.map(key));
    for (;;) {
      const lost = (await queryPlans(mongoUrl, stack.namespace)).filter(
        (p) => wanted.has(key(p)) && !p.indexed,
      );
      const waited = fmt((Date.now() - started) / 1000, 0);
      if (lost.length === 0) return log(`history: hot queries use their indexes (${waited} s)`);
      if (Date.now() - started > 190_000)
        return log(
          `history: after ${waited} s still not indexed: ${lost.map((p) => `${key(p)} (${p.plan})`).join('; ')}`,
        );
      await sleep(5000);
    }
  };

  // Each service writes its profile when told to stop (bench/profile-hook.cjs): wait for all.
  const printProfiles = async (cpuMsPerDossier: Record<string, number>) => {
    const files = STACK_SERVICES.map((s) => join(profileDir, `${s}.1.cpuprofile`));
    for (let i = 0; i < 120 && !files.every((f) => existsSync(f)); i++) await sleep(500);
    const written = files.filter((f) => existsSync(f));
    if (written.length < files.length)
      log(`profiles missing: ${files.filter((f) => !existsSync(f)).join(', ')}`);
    const summaries = printCpuProfiles(written, 10, cpuMsPerDossier, (s) => !isSimulators(s));
    const short = summaries.map((x) => ({ ...x, functions: x.functions.slice(0, 40) }));
    writeFileSync(
      join(profileDir, 'summary.json'),
      JSON.stringify({ cpuMsPerDossier, summaries: short }, null, 2),
    );
    log(`profiles and summary.json in ${profileDir}`);
  };

  try {
    log(`looking up ${seed} parcels in the cadastral book…`);
    await driver.loadParcels(seed);
    log('warm-up: 10 dossiers end to end…');
    const warm = await phase('warm-up', 10, 'burst');
    if (warm.stalled) throw new Error(`the warm-up did not finish: ${warm.stalled}`);
    const warmEvents = observer.events.filter((e) => !e.retry);
    const meanBytes = warmEvents.reduce((s, e) => s + e.bytes, 0) / Math.max(1, warmEvents.length);
    const doneCode = driver.phase('warm-up').find((t) => t.registeredAt)?.code ?? '';
    const dossierDoc = await readDocument(
      mongoUrl,
      `${stack.namespace}-land-registry`,
      'dossiers',
      doneCode,
    );
    if (!dossierDoc) throw new Error(`could not read dossier ${doneCode}`);
    // The warm-up's finished dossiers, as the services stored them: the history's templates.
    let templates: HistoryTemplates | undefined;
    if (historyCount > 0 && soakSeconds === 0) {
      templates = await captureTemplates({
        mongoUrl,
        namespace: stack.namespace,
        services: STACK_SERVICES.filter((s) => !isSimulators(s)),
        codes: driver
          .phase('warm-up')
          .filter((t) => t.registeredAt)
          .map((t) => t.code ?? ''),
        eventIdsOf: (code) =>
          observer.events.filter((e) => e.dossierKey === code).map((e) => e.eventId),
      });
      const docs = templates.templates.reduce((s, t) => s + t.docs.length, 0);
      log(
        `history templates: ${templates.templates.length} finished dossiers, ${fmt(docs / Math.max(1, templates.templates.length), 1)} documents each` +
          (templates.shared.length
            ? `; ${templates.shared.length} shared documents not copied`
            : ''),
      );
    }

    if (soakSeconds > 0) {
      await soak(n);
      return;
    }

    // 1. The limits.
    let limits: {
      perf?: Awaited<ReturnType<typeof kafkaPerfTools>>;
      kafkajs?: Awaited<ReturnType<typeof rawKafkajs>>;
      kafkajsWindow?: Awaited<ReturnType<typeof rawKafkajs>>;
      db?: Awaited<ReturnType<typeof rawDbWrites>>;
    } = {};
    // A message of the mean event size, with the six headers every event carries.
    const sample = {
      value: JSON.stringify({ pad: 'x'.repeat(Math.max(0, Math.round(meanBytes) - 10)) }),
      headers: {
        'event-id': randomUUID(),
        'event-type': 'TransferSlipSent',
        'event-version': '1',
        'correlation-id': randomUUID(),
        'causation-id': randomUUID(),
        producer: 'land-registry',
      },
    };
    if (!skipLimits) {
      log(
        `limits: Kafka perf tools, 200,000 records of ${Math.round(meanBytes)} bytes (the mean event size)…`,
      );
      const perf = await kafkaPerfTools(kafkaBrokers, 200_000, Math.round(meanBytes)).catch(
        (err: unknown) => {
          log(`  the perf tools failed: ${err instanceof Error ? err.message : String(err)}`);
          return undefined;
        },
      );
      log('limits: raw kafkajs, 50,000 messages, 100 per send…');
      const kafkajs = await rawKafkajs({
        brokers: kafkaBrokers.split(','),
        messages: 50_000,
        sample,
        mode: 'batch',
        batchSize: 100,
        concurrency: 4,
      });
      log(`limits: raw kafkajs, 5,000 messages, one per send, ${concurrency} in flight…`);
      const kafkajsWindow = await rawKafkajs({
        brokers: kafkaBrokers.split(','),
        messages: 5_000,
        sample,
        mode: 'window',
        concurrency,
      });
      log(
        `limits: database, 1,000 dossier-sized documents (${bsonSize(dossierDoc)} bytes), 16 writes in flight…`,
      );
      const db = await rawDbWrites(mongoUrl, dossierDoc, 1000, 16);
      limits = { ...(perf ? { perf } : {}), kafkajs, kafkajsWindow, db };
      console.log(
        `\n${table(
          ['limit', 'messages or writes', 'size (bytes)', 'per second', 'p50 ms', 'p99 ms'],
          [
            ...(perf
              ? [
                  [
                    'kafka-producer-perf-test (acks=all)',
                    String(perf.records),
                    String(perf.recordSize),
                    fmt(perf.producerMsgsPerSec, 0),
                    '',
                    fmt(perf.producerP99Ms),
                  ],
                  [
                    'kafka-consumer-perf-test',
                    String(perf.records),
                    String(perf.recordSize),
                    fmt(perf.consumerMsgsPerSec, 0),
                    '',
                    '',
                  ],
                ]
              : []),
            [
              `raw ${kafkajs.mode} (produce → consume)`,
              String(kafkajs.messages),
              String(kafkajs.bytes),
              fmt(kafkajs.msgsPerSec, 0),
              fmt(kafkajs.latencyMs.p50),
              fmt(kafkajs.latencyMs.p99),
            ],
            [
              `raw ${kafkajsWindow.mode}, ${concurrency} in flight`,
              String(kafkajsWindow.messages),
              String(kafkajsWindow.bytes),
              fmt(kafkajsWindow.msgsPerSec, 0),
              fmt(kafkajsWindow.latencyMs.p50),
              fmt(kafkajsWindow.latencyMs.p99),
            ],
            ...db.map((d) => [
              `database ${d.op}${d.errors ? ` (${d.errors} refused: ${(d.firstError ?? '').replace(/^.*\] /, '')})` : ''}`,
              String(d.writes),
              String(d.docBytes),
              fmt(d.writesPerSec, 0),
              fmt(d.latencyMs.p50),
              fmt(d.latencyMs.p99),
            ]),
          ],
        )}\n`,
      );
    }

    // 2. End to end at full speed.
    log(
      `end to end: ${n} dossiers through the public API, ${inFlight} dossiers in the system at a time…`,
    );
    const memory = new MemoryWatch(
      Object.fromEntries(
        STACK_SERVICES.map((s) => [s, { url: stack.url[s], pid: pids[s] }] as const),
      ),
    );
    if (profile) memory.start();
    const requestsBefore = new Map(apiRequests);
    const commandsBefore = profile ? await commandCounts(mongoUrl) : {};
    const max = await phase(`max (${inFlight} in flight)`, n, 'closed', profile);
    memory.stop();
    printPhase([max]);
    if (profile) {
      // Every command is a round trip, each a socket write and read in the driver.
      const commandsAfter = await commandCounts(mongoUrl);
      const perDossier = Object.entries(commandsAfter)
        .map(
          ([name, total]) =>
            [name, (total - (commandsBefore[name] ?? 0)) / Math.max(1, max.submitted)] as const,
        )
        .filter(([, x]) => x >= 0.05)
        .sort((a, b) => b[1] - a[1]);
      console.log(
        `\nDatabase commands per dossier in the step (our server's serverStatus; all services): ` +
          `${fmt(
            perDossier.reduce((t, [, x]) => t + x, 0),
            1,
          )} — ` +
          perDossier.map(([name, x]) => `${name} ${fmt(x, 1)}`).join(', '),
      );
      console.log(
        `\nThe benchmark's own requests to the services in the step, per dossier\n` +
          table(
            ['request', 'per dossier'],
            [...apiRequests].map(([route, count]) => [
              route,
              fmt((count - (requestsBefore.get(route) ?? 0)) / Math.max(1, max.submitted), 2),
            ]),
          ),
      );
      await printProfiles(
        Object.fromEntries(
          Object.entries(max.cpuSec).map(([p, sec]) => [
            p,
            (sec * 1000) / Math.max(1, max.registered),
          ]),
        ),
      );
      memory.print([...SERVICE_MANIFEST.nodeFlags, '--require bench/profile-hook.cjs']);
      writeFileSync(
        join(profileDir, 'memory.json'),
        JSON.stringify(Object.fromEntries(memory.largest), null, 2),
      );
    }
    const maxSplit = printCpuSplit(watch, max);
    const brokerByThread = printBrokerThreads(max);

    // Latency against offered load.
    const sweep: PhaseResult[] = [];
    if (max.registered > 0) {
      for (const load of loads) {
        const rate = max.dossiersPerSec * load;
        const count = Math.max(10, Math.min(n, Math.round(rate * pacedSeconds)));
        log(
          `offered load ${fmt(load * 100, 0)} % of the maximum: ${fmt(rate, 2)} dossiers/s, ${count} dossiers…`,
        );
        const r = await phase(`${fmt(load * 100, 0)} %`, count, rate);
        sweep.push(r);
        if (r.registered === 0) break;
      }
      printPhase(sweep);
      writeChart(max, sweep);
    }
    const half = sweep.find((r) => r.label === '50 %') ?? sweep[0];

    // 3. Backlog drain.
    log(`backlog: e-tax down while ${drainN} dossiers are submitted…`);
    await observer.waitQuiet(600_000);
    await fetch(`${sim}/admin/faults/e-tax`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...(await authAs(SAMPLE_USERS.operator)) },
      body: JSON.stringify({ outage: true }),
    });
    const backlog: Tracked[] = [];
    await inParallel(drainN, concurrency, async () => {
      backlog.push(await driver.submit('backlog'));
    });
    const backlogCodes = new Set(backlog.filter((t) => t.code).map((t) => t.code));
    const slipsSent = () =>
      new Set(
        observer.events
          .filter(
            (e) => !e.retry && e.type === 'TransferSlipSent' && backlogCodes.has(e.dossierKey),
          )
          .map((e) => e.dossierKey),
      ).size;
    const slipDeadline = Date.now() + 600_000;
    while (slipsSent() < backlogCodes.size && Date.now() < slipDeadline) await sleep(500);
    await sleep(5000);
    const assessedBefore = observer.events.filter(
      (e) => e.type === 'ObligationsAssessed' && backlogCodes.has(e.dossierKey),
    ).length;
    const recoveredAt = Date.now();
    await fetch(`${sim}/admin/faults`, {
      method: 'DELETE',
      headers: await authAs(SAMPLE_USERS.operator),
    });
    log(
      `  ${slipsSent()} dossiers waiting for e-tax (${assessedBefore} assessed during the outage); e-tax is back`,
    );
    const drainStalled = await waitRegistered(backlog, 'backlog');
    const drained = backlog.filter((t) => t.registeredAt !== undefined);
    const firstProgress = Math.min(
      ...observer.events
        .filter(
          (e) =>
            !e.retry &&
            e.type === 'ObligationsAssessed' &&
            backlogCodes.has(e.dossierKey) &&
            e.occurredAt >= recoveredAt,
        )
        .map((e) => e.occurredAt),
    );
    const lastRegistered = Math.max(...drained.map((t) => t.registeredAt ?? 0));
    const drainPerSec = drained.length / ((lastRegistered - firstProgress) / 1000);
    console.log(
      `\nbacklog drain: ${drained.length}/${backlogCodes.size} registered; first assessment ${fmt((firstProgress - recoveredAt) / 1000)} s after e-tax came back ` +
        `(the e-tax breaker's reset timeout and the retry delay), then ${fmt(drainPerSec, 2)} dossiers/s until the last registration ` +
        `(${fmt(drained.length / ((lastRegistered - recoveredAt) / 1000), 2)}/s counted from the recovery)` +
        (drainStalled ? `; STALLED: ${drainStalled}` : ''),
    );

    // Flat with history: the same phase after loading historyCount finished dossiers.
    let loaded: HistoryLoaded | undefined;
    let withHistory: PhaseResult | undefined;
    if (templates) {
      await observer.waitQuiet(600_000);
      const indexedBefore = (await queryPlans(mongoUrl, stack.namespace)).filter((p) => p.indexed);
      log(`history: writing ${historyCount} finished dossiers into the services' databases…`);
      loaded = await loadHistory({
        mongoUrl,
        namespace: stack.namespace,
        history: templates,
        count: historyCount,
        log,
      });
      log(
        `history: ${loaded.dossiers} dossiers, ${loaded.documents} documents in ${fmt(loaded.seconds, 1)} s ` +
          `(${fmt(loaded.documents / loaded.seconds, 0)} documents/s; ${fmt(loaded.generateSec, 1)} s of it making them)` +
          (loaded.failed ? `; ${loaded.failed} refused, first: ${loaded.firstError}` : '') +
          `; per dossier: ${Object.entries(loaded.perDossier)
            .map(([k, v]) => `${k} ${fmt(v, 1)}`)
            .join(', ')}`,
      );
      await waitForPlans(indexedBefore);
      log(`end to end with history: ${n} dossiers, ${inFlight} in the system at a time…`);
      withHistory = await phase(`max with ${historyCount} in history`, n, 'closed');
      printPhase([max, withHistory]);
      printCpuSplit(watch, withHistory);
      printBrokerThreads(withHistory);
      const strays = observer.events.filter((e) => loaded?.codes.has(e.dossierKey)).length;
      if (strays > 0) log(`  ${strays} events about history dossiers: the history is not inert`);
    }
    printQueryPlans(await queryPlans(mongoUrl, stack.namespace));
    const historyRatio = withHistory ? withHistory.dossiersPerSec / max.dossiersPerSec : Number.NaN;

    // As fast as the API accepts them (last: it can leave consumers behind for good).
    if (burst) {
      log(
        `burst: ${n} dossiers as fast as the API accepts them, ${concurrency} requests in flight…`,
      );
      printPhase([await phase('burst', n, 'burst')]);
    }

    // 4. Summary.
    const rss = Object.fromEntries(STACK_SERVICES.map((s) => [s, readProc(pids[s])] as const));
    const kafkaRaw = limits.kafkajs?.msgsPerSec ?? Number.NaN;
    const dbRaw = limits.db?.[0].writesPerSec ?? Number.NaN;
    const kafkaLimit = kafkaRaw / max.eventsPerDossier;
    const dbLimit = dbRaw / max.dbWritesPerDossier;
    const tighter = Math.min(kafkaLimit, dbLimit);
    // Ours: the simulators are another agency's systems.
    const maxRssMb = Math.max(
      ...STACK_SERVICES.filter((s) => !isSimulators(s)).map((s) => rss[s]?.peakRssMb ?? 0),
    );
    console.log(
      `limits in dossiers/s: Kafka ${fmt(kafkaRaw, 0)} msgs/s ÷ ${fmt(max.eventsPerDossier, 1)} events per dossier = ${fmt(kafkaLimit, 1)}; ` +
        `database ${fmt(dbRaw, 0)} writes/s ÷ ${fmt(max.dbWritesPerDossier, 1)} writes per dossier = ${fmt(dbLimit, 1)}; ` +
        `efficiency ${fmt(max.dossiersPerSec, 2)} ÷ ${fmt(tighter, 1)} = ${fmt(max.dossiersPerSec / tighter, 3)}.\n` +
        `n=${n}, started ${started.toISOString()}, load average at the end ${machine().load.join(' ')}.`,
    );
    console.log(
      `CPU per dossier (${max.label}): ${fmt(maxSplit.ours, 0)} ms ours (services, Kafka, database), ` +
        `${fmt(maxSplit.simulators, 0)} ms the simulators'` +
        (withHistory
          ? `; with history ${fmt(withHistory.dossiersPerSec, 2)} ÷ ${fmt(max.dossiersPerSec, 2)} dossiers/s = ${fmt(historyRatio, 3)}`
          : ''),
    );
    // Below about nine tenths, the dossiers in flight wait more than they work: the rate is
    // in flight ÷ latency (Little's law), not the most the machine can do, and the CPU per
    // dossier includes what the processes spend while waiting (ninth pass).
    console.log(
      `the machine's cores were ${fmt(max.machineBusy * 100, 0)} % busy over "${max.label}" (every process, this one too)` +
        (max.machineBusy < 0.9
          ? `: that rate is bound by latency (${inFlight} in flight ÷ ${fmt(max.latencyMs.p50 / 1000, 2)} s at p50), not by CPU; more in flight (--in-flight) finds the most the machine can do`
          : ''),
    );
    console.log(
      JSON.stringify({
        dossiersPerSec: round(max.dossiersPerSec, 2),
        cpuMsPerDossier: round(maxSplit.ours, 1),
        simulatorsCpuMsPerDossier: round(maxSplit.simulators, 1),
        cpuMsPerDossierByProcess: Object.fromEntries(
          Object.entries(maxSplit.byProcess).map(([k, v]) => [k, round(v, 1)]),
        ),
        kafkaCpuMsPerDossierByThread: brokerByThread,
        writesPerDossier: round(max.dbWritesPerDossier, 2),
        historyRatio: round(historyRatio, 3),
        historyDossiers: loaded?.dossiers ?? 0,
        historyLoadSec: round(loaded?.seconds ?? Number.NaN, 1),
        historyDossiersPerSec: round(withHistory?.dossiersPerSec ?? Number.NaN, 2),
        p50Ms: round(half?.latencyMs.p50 ?? Number.NaN, 0),
        p99Ms: round(half?.latencyMs.p99 ?? Number.NaN, 0),
        hopP99Ms: round(half?.hopMs.p99 ?? Number.NaN, 1),
        eventsPerDossier: round(max.eventsPerDossier, 2),
        kafkaRawMsgsPerSec: round(kafkaRaw, 0),
        dbRawWritesPerSec: round(dbRaw, 0),
        efficiency: round(max.dossiersPerSec / tighter, 4),
        drainPerSec: round(drainPerSec, 2),
        maxRssMb: round(maxRssMb, 0),
        machineBusyShare: round(max.machineBusy, 3),
      }),
    );
  } finally {
    await observer.close();
    await landRegistryDb.close();
    await stack.stop();
  }

  /**
   * --soak: half the maximum rate for soakSeconds; RSS of each service at the start and the
   * end, and what it holds on to after full collections (bench/live-heap.ts).
   */
  async function soak(count: number): Promise<void> {
    log(`soak: measuring the maximum with ${count} dossiers first…`);
    const max = await phase(`max (${inFlight} in flight)`, count, 'closed');
    printPhase([max]);
    const rate = max.dossiersPerSec / 2;
    const total = Math.max(1, Math.round(rate * soakSeconds));
    log(
      `soak: ${fmt(rate, 2)} dossiers/s for ${soakSeconds} s (${total} dossiers), RSS sampled every 10 s…`,
    );
    const samples: { at: number; rss: Record<string, number> }[] = [];
    const sample = () =>
      samples.push({
        at: Date.now(),
        rss: Object.fromEntries(
          STACK_SERVICES.map((s) => [s, readProc(pids[s])?.rssMb ?? Number.NaN]),
        ),
      });
    // The live heap under the soak's load at 10, 30, 50, 70 and 90 % of it (snapshots at
    // the first and the last), all after the soak has settled at its rate.
    const heap = new LiveHeap(heapDir, pids, heapSnapshots);
    const fractions = [0.1, 0.3, 0.5, 0.7, 0.9];
    const soakStart = Date.now();
    const measured = (async () => {
      for (const [i, f] of fractions.entries()) {
        await sleep(Math.max(0, soakStart + f * soakSeconds * 1000 - Date.now()));
        await heap.sample(
          `+${Math.round((Date.now() - soakStart) / 1000)} s`,
          i === 0 || i === fractions.length - 1,
        );
      }
    })();
    sample();
    const timer = setInterval(sample, 10_000);
    const r = await phase('soak', total, rate);
    clearInterval(timer);
    sample();
    await measured;
    printPhase([r]);
    const first = samples[0];
    const last = samples[samples.length - 1];
    console.log(
      `\n${table(
        ['service', 'RSS at start MB', 'RSS at end MB', 'growth MB', 'peak RSS MB'],
        STACK_SERVICES.map((s) => [
          s,
          fmt(first.rss[s], 0),
          fmt(last.rss[s], 0),
          fmt(last.rss[s] - first.rss[s], 0),
          fmt(readProc(pids[s])?.peakRssMb ?? Number.NaN, 0),
        ]),
      )}\n`,
    );
    const heapGrowth = heap.print();
    console.log(
      JSON.stringify({
        soakSeconds: round((last.at - first.at) / 1000, 0),
        offeredPerSec: round(rate, 2),
        dossiers: r.registered,
        p99Ms: round(r.latencyMs.p99, 0),
        hopP99Ms: round(r.hopMs.p99, 1),
        rssStartMb: Object.fromEntries(STACK_SERVICES.map((s) => [s, round(first.rss[s], 0)])),
        rssEndMb: Object.fromEntries(STACK_SERVICES.map((s) => [s, round(last.rss[s], 0)])),
        liveHeapGrowthMb: Object.fromEntries(
          Object.entries(heapGrowth).map(([s, mb]) => [s, mb === null ? null : round(mb, 1)]),
        ),
      }),
    );
  }
}

/**
 * The Kafka broker's CPU per dossier by kind of thread. A broker started for the run spends
 * much of its first minutes compiling (the JIT compiler's threads); one that has run for
 * days does not.
 */
function printBrokerThreads(phase: PhaseResult): Record<string, number | null> {
  const perDossier = Object.fromEntries(
    Object.entries(phase.brokerThreadsSec)
      .sort((a, b) => b[1] - a[1])
      .map(([kind, sec]) => [kind, round((sec * 1000) / Math.max(1, phase.registered), 1)]),
  );
  if (Object.keys(perDossier).length > 0)
    console.log(
      `Kafka broker in "${phase.label}", CPU ms per dossier by kind of thread: ` +
        Object.entries(perDossier)
          .map(([kind, ms]) => `${kind} ${fmt(ms ?? Number.NaN, 1)}`)
          .join(', '),
    );
  return perDossier;
}

function printPhase(results: PhaseResult[]): void {
  console.log(
    `\n${table(
      [
        'run',
        'offered/s',
        'dossiers',
        'accepted/s',
        'registered/s',
        'p50 ms',
        'p90 ms',
        'p99 ms',
        'hop p50 ≤',
        'hop p99 ≤',
        'events/d',
        'retries/d',
        'db writes/d',
        'all done s',
      ],
      results.map((r) => [
        r.label,
        r.offeredPerSec === null ? 'max' : fmt(r.offeredPerSec, 2),
        `${r.registered}/${r.submitted}${r.failed ? ` (${r.failed} failed)` : ''}${r.refused ? ` (${r.refused} refused)` : ''}${r.stalled ? ' (stuck: see below)' : ''}`,
        fmt(r.acceptedPerSec, 2),
        fmt(r.dossiersPerSec, 2),
        fmt(r.latencyMs.p50, 0),
        fmt(r.latencyMs.p90, 0),
        fmt(r.latencyMs.p99, 0),
        fmt(r.hopMs.p50, 0),
        fmt(r.hopMs.p99, 0),
        fmt(r.eventsPerDossier, 1),
        fmt(r.retriesPerDossier, 2),
        fmt(r.dbWritesPerDossier, 1),
        fmt(r.allDoneSec, 1),
      ]),
    )}`,
  );
  for (const r of results.filter((x) => x.stalled))
    console.log(`  ${r.label}, not finished: ${r.stalled}`);
  for (const r of results.filter((x) => x.firstFailure))
    console.log(`  ${r.label}, first refused submission: ${r.firstFailure}`);
  const last = results[results.length - 1];
  if (last)
    console.log(
      `\nevents per dossier (${last.label}): ` +
        Object.entries(last.eventsByType)
          .sort((a, b) => b[1] - a[1])
          .map(([type, n]) => `${type} ${fmt(n, 2)}`)
          .join(', '),
    );
  if (last?.hops.length)
    console.log(
      `\nper hop (${last.label}): event occurred → handled by the consumer group, bucket bounds of its histogram\n` +
        table(
          ['topic → group', 'n', 'p50 ms ≤', 'p90 ms ≤', 'p99 ms ≤'],
          last.hops.map((h) => [h.hop, String(h.n), fmt(h.p50, 0), fmt(h.p90, 0), fmt(h.p99, 0)]),
        ),
    );
  if (last?.hopSegments.length)
    console.log(
      `\nwhere the hops' time went (${last.label}, all streams): relay = occurred → sent by the producer's client, ` +
        `broker = → handed to the consumer (kafkajs: after its previous fetch's batches), waiting = → handling started, ` +
        `handling = checks and handler\n` +
        table(
          ['segment', 'n', 'p50 ms ≤', 'p90 ms ≤', 'p99 ms ≤'],
          last.hopSegments.map((h) => [
            h.segment,
            String(h.n),
            fmt(h.p50, 0),
            fmt(h.p90, 0),
            fmt(h.p99, 0),
          ]),
        ),
    );
}

interface HopQuantiles {
  n: number;
  p50: number;
  p90: number;
  p99: number;
}

/** The hops one histogram counted between two readings, as bucket bounds in ms. */
function hopQuantiles(before: HopBuckets | undefined, after: HopBuckets): HopQuantiles {
  const q = (p: number) => hopQuantileMs(before, after, p) ?? Number.NaN;
  return { n: hopCount(before, after), p50: q(0.5), p90: q(0.9), p99: q(0.99) };
}

function writeChart(max: PhaseResult, sweep: PhaseResult[]): void {
  const svg = latencyChart(
    max.dossiersPerSec,
    sweep,
    `maximum ${fmt(max.dossiersPerSec, 2)} dossiers/s; ${new Date().toISOString().slice(0, 16)}Z, ${machine().cores} cores, load ${machine().load[0]}`,
  );
  const dir = join(process.cwd(), 'docs', 'benchmarks');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latency-vs-load.svg'), svg);
  log(`chart written to docs/benchmarks/latency-vs-load.svg`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`[bench] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
