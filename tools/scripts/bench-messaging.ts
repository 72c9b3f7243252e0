// npm run bench:messaging — the messaging backbone against the raw Kafka client, on the real
// broker and database, for each client library a service can use (KAFKA_CLIENT: kafkajs,
// platformatic) in the same run. The ledger fixture (a minimal service on the messaging
// library) runs in this process: each event goes out through its transactional outbox and
// comes back in through its consumer pipeline and inbox, and its latency is measured from the
// envelope's occurredAt to the moment its effect is stored. For each library, a raw loop
// produces and consumes messages of the same size with the same client settings, and the
// backbone's rate is divided by it (issue 18's goal: ≥ 0.5 at the same batch size).
//
//   npm run bench:messaging -- [--events 2000] [--concurrency 64] [--paced-seconds 20]
//                              [--clients kafkajs,platformatic] [--cpu-prof]
//
// The full-speed run is a closed loop: `concurrency` events are in flight end to end
// (emitted and not yet applied), and a new one is emitted whenever one is applied. The
// second run offers half of the rate measured so, open loop (at fixed intervals).
import 'reflect-metadata';
import { join } from 'node:path';
import { EventEnvelope, DossierRefusedV1, Topics } from '@lien-thong/contracts';
import { EventFactory, isKafkaClientName, KafkaClientName } from '@lien-thong/messaging';
import {
  kafkaSuperuserEnv,
  RunningService,
  startService,
  uniqueName,
  testInfra,
} from '@lien-thong/testing';
import {
  LEDGER_SERVICE,
  LedgerConfig,
  LedgerService,
} from '../../libs/messaging/src/testing/ledger.fixture';
import { writeCommandCount } from './bench/db-raw';
import { dbScaling } from './bench/db-scaling';
import { InProcessProfiler } from './bench/in-process-profile';
import { rawKafka, RawKafkaResult } from './bench/kafka-raw';
import { findInfraPids, machine, ProcWatch } from './bench/proc';
import { summarizeProfile } from './bench/profile-summary';
import { Args, fmt, paced, round, sleep, summarize, Summary, table } from './bench/stats';

const log = (m: string) => console.log(`[bench:messaging] ${m}`);

interface BackboneRun {
  label: string;
  events: number;
  offeredPerSec: number | null;
  seconds: number;
  eventsPerSec: number;
  /** Rate over the first and the last fifth of the events (the database grows meanwhile). */
  firstFifthPerSec: number;
  lastFifthPerSec: number;
  latencyMs: Summary;
  cpuSecPer1000: Record<string, number>;
  dbWritesPerEvent: number;
}

/** A fresh ledger (its own database and topics) whose applied events this process sees. */
class Ledger {
  private readonly waiters = new Map<string, () => void>();
  readonly latencies: number[] = [];
  readonly appliedAt: number[] = [];
  lastProgress = Date.now();

  private constructor(
    readonly service: RunningService<LedgerConfig>,
    readonly ledger: LedgerService,
  ) {
    // Effect time: apply() has stored the event's effect (the inbox record and the offset
    // commit follow it).
    const apply = ledger.apply.bind(ledger);
    ledger.apply = async (event: EventEnvelope<DossierRefusedV1>) => {
      await apply(event);
      const now = Date.now();
      this.latencies.push(now - Date.parse(event.occurredAt));
      this.appliedAt.push(performance.now());
      this.lastProgress = now;
      this.waiters.get(event.dossierKey)?.();
      this.waiters.delete(event.dossierKey);
    };
  }

  static async start(client: KafkaClientName): Promise<Ledger> {
    const service = await startService(LEDGER_SERVICE, {
      KAFKA_CLIENT: client,
      // The fixture produces the land registry's refusals, so it signs them with its key.
      EVENT_SIGNING_KEY: testInfra().envFor('land-registry').EVENT_SIGNING_KEY,
      // Not a bus service with ACLs of its own: it reaches the broker as the super user.
      ...kafkaSuperuserEnv(),
      MONGO_DB: uniqueName('bench-ledger'),
      KAFKA_NAMESPACE: uniqueName('bench'),
      LOG_LEVEL: 'warn',
    });
    return new Ledger(service, service.app.get(LedgerService));
  }

  /** Emits one event through the outbox; resolves once its effect is stored. */
  async roundTrip(key: string): Promise<void> {
    const applied = new Promise<void>((resolve) => this.waiters.set(key, resolve));
    await this.ledger.emit(`src-${key}`, key, 'BENCH.OK');
    await applied;
  }

  emit(key: string): Promise<void> {
    return this.ledger.emit(`src-${key}`, key, 'BENCH.OK');
  }

  private closed = false;

  /** Fails when no effect was stored for `ms` while some were still expected. */
  async stalled(ms: number): Promise<void> {
    while (!this.closed) {
      await sleep(1000);
      if (this.waiters.size > 0 && Date.now() - this.lastProgress > ms)
        throw new Error(
          `no event applied for ${ms / 1000} s with ${this.waiters.size} outstanding: the consumer has stalled (see docs/benchmarks.md)`,
        );
    }
  }

  close(): Promise<void> {
    this.closed = true;
    return this.service.close();
  }
}

async function main(): Promise<void> {
  const args = new Args();
  const events = args.number('events', 2000);
  const concurrency = args.number('concurrency', 64);
  const pacedSeconds = args.number('paced-seconds', 20);
  const profile = args.has('cpu-prof');
  const clients = args.string('clients', 'kafkajs,platformatic').split(',');
  const unknown = clients.filter((c) => !isKafkaClientName(c));
  if (unknown.length > 0) throw new Error(`--clients: unknown ${unknown.join(', ')}`);
  const { kafkaBrokers, mongoUrl } = testInfra();
  const host = machine();
  log(`${host.cores} × ${host.cpu}, ${host.memGb} GB; load average ${host.load.join(' ')}`);
  const watch = new ProcWatch({
    'bench+ledger': process.pid,
    ...findInfraPids(kafkaBrokers, mongoUrl),
  });

  /** One backbone run on a fresh ledger: closed loop (perSecond null) or paced. */
  const backbone = async (
    client: KafkaClientName,
    label: string,
    count: number,
    perSecond: number | null,
    prof?: InProcessProfiler,
  ) => {
    const ledger = await Ledger.start(client);
    try {
      await Promise.all(Array.from({ length: 100 }, (_, i) => ledger.roundTrip(`WARM-${i}`)));
      ledger.latencies.length = 0;
      ledger.appliedAt.length = 0;
      const writesBefore = await writeCommandCount(mongoUrl);
      watch.mark(label);
      await prof?.start();
      const started = performance.now();
      const work =
        perSecond === null
          ? (async () => {
              let next = 0;
              const worker = async () => {
                while (next < count) await ledger.roundTrip(`RUN-${next++}`);
              };
              await Promise.all(Array.from({ length: concurrency }, worker));
            })()
          : paced(count, perSecond, (i) => ledger.roundTrip(`RUN-${i}`));
      await Promise.race([work, ledger.stalled(60_000)]);
      const seconds = (performance.now() - started) / 1000;
      const profileFile = await prof?.stop(
        join('tmp', 'bench-profiles', `bench-messaging-${Date.now()}.cpuprofile`),
      );
      const cpu = watch.cpuBetween(label);
      const writesAfter = await writeCommandCount(mongoUrl);
      const at = ledger.appliedAt;
      const fifth = Math.max(1, Math.floor(at.length / 5));
      const run: BackboneRun = {
        label,
        events: count,
        offeredPerSec: perSecond,
        seconds,
        eventsPerSec: count / seconds,
        firstFifthPerSec: fifth / ((at[fifth - 1] - started) / 1000),
        lastFifthPerSec: fifth / ((at[at.length - 1] - at[at.length - 1 - fifth]) / 1000),
        latencyMs: summarize(ledger.latencies),
        cpuSecPer1000: Object.fromEntries(
          Object.entries(cpu).map(([k, v]) => [k, (v / count) * 1000]),
        ),
        // The two serverStatus calls are not writes; nothing else writes to this database.
        dbWritesPerEvent: (writesAfter.writes - writesBefore.writes) / count,
      };
      return { run, profileFile };
    } finally {
      await ledger.close();
    }
  };

  // A message exactly like those the backbone carries, from the ledger's own event factory.
  const probe = await Ledger.start('kafkajs');
  const sample = probe.service.app
    .get(EventFactory)
    .create(Topics.DossierRefused, 'VPDKHN-20261121-000001', {
      dossierCode: 'VPDKHN-20261121-000001',
      reasonCode: 'BENCH.OK',
      reasonVi: 'Thử nghiệm',
    });
  await probe.close();
  const bytes = Buffer.byteLength(sample.value);
  const brokers = kafkaBrokers.split(',');

  log("database: cost of the backbone's operations against the size of the collection…");
  const scaling = await dbScaling(mongoUrl);
  console.log(
    `\n${table(
      [
        'documents (3 KB)',
        'find by _id ms',
        'update by _id ms',
        'update by _id + rev ms',
        'inbox look-up, new event ms',
      ],
      scaling.map((r) => [
        String(r.documents),
        fmt(r.findByIdMs),
        fmt(r.updateByIdMs),
        fmt(r.conditionalUpdateMs),
        fmt(r.inboxMissMs),
      ]),
    )}\n`,
  );

  /** Raw client, batched raw client, backbone at full speed and at half of it: one library. */
  const measure = async (client: KafkaClientName) => {
    log(
      `${client}: raw, ${events} messages of ${bytes} bytes, ${concurrency} sends of one message in flight…`,
    );
    const raw = await rawKafka(client, {
      brokers,
      messages: events,
      sample,
      mode: 'window',
      concurrency,
    });
    log(`${client}: raw, batched: ${events * 5} messages, 4 sends of 100 messages in flight…`);
    const rawBatched = await rawKafka(client, {
      brokers,
      messages: events * 5,
      sample,
      mode: 'batch',
      batchSize: 100,
      concurrency: 4,
    });
    log(
      `${client}: backbone at full speed: ${events} events, ${concurrency} in flight end to end…`,
    );
    const { run: max, profileFile } = await backbone(
      client,
      `backbone on ${client}, full speed`,
      events,
      null,
      profile ? new InProcessProfiler() : undefined,
    );
    const half = max.eventsPerSec / 2;
    const pacedCount = Math.max(50, Math.round(half * pacedSeconds));
    log(
      `${client}: backbone at 50 % of that: ${fmt(half)} events/s for ${pacedSeconds} s (${pacedCount} events)…`,
    );
    const { run: halfRun } = await backbone(
      client,
      `backbone on ${client}, 50 % of max`,
      pacedCount,
      half,
    );
    // The same pattern on both sides: one event per send, `concurrency` in flight.
    return {
      client,
      raw,
      rawBatched,
      max,
      halfRun,
      profileFile,
      efficiency: max.eventsPerSec / raw.msgsPerSec,
    };
  };
  const results = [];
  for (const client of clients as KafkaClientName[]) results.push(await measure(client));

  const rows = results.flatMap(({ raw, rawBatched, max, halfRun }) => [
    ...[raw, rawBatched].map((r: RawKafkaResult) => [
      r.mode,
      String(r.messages),
      'max',
      fmt(r.msgsPerSec, 0),
      '',
      fmt(r.latencyMs.p50),
      fmt(r.latencyMs.p99),
      '',
      '',
    ]),
    ...[max, halfRun].map((r) => [
      r.label,
      String(r.events),
      r.offeredPerSec === null ? 'max' : fmt(r.offeredPerSec, 0),
      fmt(r.eventsPerSec, 0),
      `${fmt(r.firstFifthPerSec, 0)} → ${fmt(r.lastFifthPerSec, 0)}`,
      fmt(r.latencyMs.p50),
      fmt(r.latencyMs.p99),
      fmt(r.dbWritesPerEvent, 2),
      Object.entries(r.cpuSecPer1000)
        .map(([k, v]) => `${k} ${fmt(v, 2)}`)
        .join(', '),
    ]),
  ]);
  console.log(
    `\n${table(
      [
        'run',
        'msgs',
        'offered/s',
        'msgs/s',
        'first → last fifth',
        'p50 ms',
        'p99 ms',
        'db writes/msg',
        'CPU s per 1000 msgs',
      ],
      rows,
    )}\n`,
  );
  console.log(
    `message: ${bytes} bytes + ${Object.keys(sample.headers).length} headers. Raw latency: broker timestamp → consumer; ` +
      `backbone latency: envelope occurredAt → effect stored.`,
  );
  for (const { client, raw, rawBatched, max, halfRun, efficiency } of results)
    console.log(
      `${client}: efficiency = backbone ${fmt(max.eventsPerSec, 0)}/s ÷ raw ${client} with the same pattern ${fmt(raw.msgsPerSec, 0)}/s = ${fmt(efficiency, 3)} ` +
        `(÷ batched ${fmt(rawBatched.msgsPerSec, 0)}/s: ${fmt(max.eventsPerSec / rawBatched.msgsPerSec, 4)}); ` +
        `p99 at 50 % of max: ${fmt(halfRun.latencyMs.p99)} ms. Goals: efficiency ≥ 0.5, p99 < 50 ms.`,
    );
  for (const { client, profileFile } of results) {
    if (!profileFile) continue;
    const summary = summarizeProfile(profileFile);
    console.log(
      `\nCPU profile of this process during the full-speed run on ${client} (${profileFile}): ${fmt(summary.busySec)} s busy of ${fmt(summary.wallSec)} s\n` +
        table(
          ['area', 'busy s', 'share'],
          summary.byArea
            .slice(0, 12)
            .map((a) => [a.area, fmt(a.sec, 2), `${fmt(a.share * 100)} %`]),
        ) +
        '\n\n' +
        table(
          ['function (self time)', 'where', 's', 'share'],
          summary.top.map((f) => [f.fn, f.where, fmt(f.sec, 2), `${fmt(f.share * 100)} %`]),
        ) +
        '\n',
    );
  }
  // The first client's figures under the keys earlier runs recorded; every client's beside them.
  const [first] = results;
  console.log(
    JSON.stringify({
      backboneEventsPerSec: round(first.max.eventsPerSec, 1),
      rawEventsPerSec: round(first.raw.msgsPerSec, 1),
      efficiency: round(first.efficiency, 3),
      p50Ms: round(first.halfRun.latencyMs.p50, 1),
      p99Ms: round(first.halfRun.latencyMs.p99, 1),
      clients: Object.fromEntries(
        results.map((r) => [
          r.client,
          {
            backboneEventsPerSec: round(r.max.eventsPerSec, 1),
            rawEventsPerSec: round(r.raw.msgsPerSec, 1),
            efficiency: round(r.efficiency, 3),
            p50Ms: round(r.halfRun.latencyMs.p50, 1),
            p99Ms: round(r.halfRun.latencyMs.p99, 1),
          },
        ]),
      ),
    }),
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(
      `[bench:messaging] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    );
    process.exit(1);
  },
);
