// npm run bench:floor — the CPU of one operation of each kind a dossier's journey is made of
// (a database write or read, a Kafka event from producer to committed consumer, an HTTP
// request), each summed over every process it runs in (this one, the broker, the database
// and its PostgreSQL), on the servers the stack uses. Then the least CPU per dossier that
// issue 18's own counts imply (20 writes, 9 events, the requests a dossier's people make),
// whatever code sits around those operations: were that floor above the CPU target, no
// change to the services could meet it on this machine.
//
//   npm run bench:floor -- [--n 2000] [--concurrency 8] [--doc-kb 7]
//
// `concurrency` operations are in flight at a time (the end-to-end benchmark keeps 8
// dossiers in flight). Writes and reads go through the MongoDB driver the services use,
// without mongoose; an update is also measured eight to a command (bulkWrite), the most a
// consumer's batch could merge at that concurrency. The Kafka event is the adapters'
// pattern: a producer with acks from all replicas and one request in flight, a consumer
// group reading batches and committing each, on a topic of 6 partitions.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { patchKafkajsRequestQueue } from '@lien-thong/messaging';
import { testInfra } from '@lien-thong/testing';
import { createTopic } from './bench/kafka-raw';
import { findInfraPids, machine, ProcWatch } from './bench/proc';
import { Args, fmt, inParallel, round, table } from './bench/stats';

const log = (m: string) => console.log(`[bench:floor] ${m}`);

// kafkajs as the services run it (the adapter applies the same fix).
patchKafkajsRequestQueue();

interface OpCost {
  op: string;
  count: number;
  /** CPU ms per operation, by process (this one, kafka, database, database-postgres). */
  cpuMs: Record<string, number>;
  totalMs: number;
}

/** A document shaped like a dossier in the middle of its journey, of about `kb` KB. */
function dossierLike(id: string, kb: number): Record<string, unknown> & { _id: string } {
  const step = {
    at: new Date(),
    step: 'PARCEL_CHECKED',
    actor: 'secured-transactions',
    noteVi: 'Sở Tư pháp trả lời: thửa đất không bị ngăn chặn, không có giao dịch bảo đảm',
  };
  const timeline = Array.from(
    { length: Math.max(1, Math.round((kb * 1024 - 1500) / 170)) },
    () => ({
      ...step,
    }),
  );
  return {
    _id: id,
    rev: 0,
    status: 'CHECKING_PARCEL',
    procedure: 'TRANSFER',
    unit: 'VPDK-HN-CAUGIAY',
    receivedAt: new Date(),
    parcel: { communeCode: '00166', mapSheetNumber: 12, parcelNumber: 345, areaM2: 120.5 },
    parties: [
      { role: 'SELLER', fullName: 'Nguyễn Văn An', idNumber: '001085012345' },
      { role: 'BUYER', fullName: 'Trần Thị Bình', idNumber: '001090054321' },
    ],
    handledEvents: Array.from({ length: 6 }, () => randomBytes(16).toString('hex')),
    timeline,
    outbox: [],
  };
}

async function main(): Promise<void> {
  const args = new Args(process.argv.slice(2));
  const n = Math.round(args.number('n', 2000));
  const concurrency = Math.max(1, Math.round(args.number('concurrency', 8)));
  const docKb = args.number('doc-kb', 7);
  const { kafkaBrokers, mongoUrl, kafkaSuperuser } = testInfra();
  const m = machine();
  log(
    `${m.cores} × ${m.cpu}; load average ${m.load.join(' ')} (a busy machine inflates every figure)`,
  );
  const watch = new ProcWatch(findInfraPids(kafkaBrokers, mongoUrl));
  const found = Object.keys(watch.pids);
  log(
    `measuring this process and ${found.length > 0 ? found.join(', ') : 'no local server (their CPU is not counted)'}`,
  );

  const measure = async (op: string, count: number, run: () => Promise<void>) => {
    const before = process.cpuUsage();
    watch.mark(op);
    const started = performance.now();
    await run();
    const seconds = (performance.now() - started) / 1000;
    const others = watch.cpuBetween(op);
    const own = process.cpuUsage(before);
    const cpuMs: Record<string, number> = {
      'this process': (own.user + own.system) / 1000 / count,
      ...Object.fromEntries(Object.entries(others).map(([k, s]) => [k, (s * 1000) / count])),
    };
    const totalMs = Object.values(cpuMs).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
    const cost: OpCost = { op, count, cpuMs, totalMs };
    log(`${op}: ${count} in ${fmt(seconds, 1)} s, ${fmt(totalMs, 2)} ms of CPU each`);
    return cost;
  };

  const costs: OpCost[] = [];
  const dbName = `bench-floor-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const connection = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
  try {
    const db = connection.db;
    if (!db) throw new Error('no database handle');
    const collection = db.collection<Record<string, unknown> & { _id: string }>('floor');
    const small = db.collection('floor_small');
    const id = (i: number) => `FLOOR-${String(i).padStart(6, '0')}`;
    // Warm-up: the connections, the server's caches and this process's JIT.
    await inParallel(200, concurrency, async (i) => {
      await small.insertOne({ warm: i });
    });
    costs.push(
      await measure(`insert a ${docKb} KB document`, n, () =>
        inParallel(n, concurrency, async (i) => {
          await collection.insertOne(dossierLike(id(i), docKb));
        }),
      ),
    );
    costs.push(
      await measure('read a document by _id', n, () =>
        inParallel(n, concurrency, async (i) => {
          await collection.findOne({ _id: id(i) });
        }),
      ),
    );
    costs.push(
      await measure('update it by _id and rev ($set, $inc, $push)', n, () =>
        inParallel(n, concurrency, async (i) => {
          await collection.updateOne({ _id: id(i), rev: 0 }, {
            $set: { status: 'WAITING_FOR_TAX', heldBy: 'tax-obligation' },
            $inc: { rev: 1 },
            $push: {
              timeline: { at: new Date(), step: 'TRANSFER_SLIP_SENT', actor: 'land-registry' },
            },
          } as never);
        }),
      ),
    );
    costs.push(
      await measure('insert a small record (an audit entry, a delivery)', n, () =>
        inParallel(n, concurrency, async (i) => {
          await small.insertOne({
            _id: `S-${i}` as never,
            at: new Date(),
            actor: 'officer-0001',
            action: 'REVIEW_CLAIMED',
            dossierCode: id(i),
          });
        }),
      ),
    );
    // Measured per update, as the others: the CPU of the commands ÷ the updates in them.
    const batches = Math.ceil(n / 8);
    costs.push(
      await measure('one update of eight in a bulkWrite', batches * 8, () =>
        inParallel(batches, concurrency, async (b) => {
          await collection.bulkWrite(
            Array.from({ length: 8 }, (_, k) => ({
              updateOne: {
                filter: { _id: id((b * 8 + k) % n) },
                update: { $set: { heldBy: 'land-registry' }, $inc: { rev: 1 } } as never,
              },
            })),
          );
        }),
      ),
    );
  } finally {
    await connection.db?.dropDatabase().catch(() => undefined);
    await connection.close();
  }

  costs.push(await kafkaEvents(kafkaBrokers, kafkaSuperuser, n, concurrency, measure));
  costs.push(await httpRequests(n, concurrency, measure));

  const names = ['this process', ...found];
  console.log(
    `\nCPU ms per operation, ${concurrency} in flight (this process: the client, and for HTTP the server too)\n` +
      table(
        ['operation', 'n', ...names, 'all'],
        costs.map((c) => [
          c.op,
          String(c.count),
          ...names.map((k) => fmt(c.cpuMs[k] ?? Number.NaN, 2)),
          fmt(c.totalMs, 2),
        ]),
      ),
  );

  const cost = (prefix: string) =>
    costs.find((c) => c.op.startsWith(prefix))?.totalMs ?? Number.NaN;
  // The cheapest write measured, whatever its kind: FerretDB takes eight updates in one
  // command one by one, so merging writes saves little there.
  const write = Math.min(cost('update it'), cost('insert a small'), cost('one update of eight'));
  const read = cost('read a document');
  const update = cost('update it');
  const event = cost('a Kafka event');
  const http = cost('an HTTP request');
  // Issue 18's own counts: at most 20 writes and 10 events (a transfer has 9), and the six
  // requests of the benchmark's citizen and officers. The floor leaves out reads, the
  // agencies' requests and all of the services' own work; the second figure reads a
  // dossier-sized document before each write and writes it back, as the services' steps do.
  const floor = 20 * write + 9 * event + 6 * http;
  const withReads = 20 * (read + update) + 9 * event + 6 * http;
  console.log(
    `\nFloor per dossier: 20 writes × ${fmt(write, 2)} + 9 events × ${fmt(event, 2)} + 6 requests × ${fmt(http, 2)} = ${fmt(floor, 1)} ms` +
      `\nWith a read of the document before each write: 20 × (${fmt(read, 2)} + ${fmt(update, 2)}) + 9 × ${fmt(event, 2)} + 6 × ${fmt(http, 2)} = ${fmt(withReads, 1)} ms` +
      `\n(issue 18's target: 60 ms per dossier for our services, Kafka and the database together)`,
  );
  console.log(
    JSON.stringify({
      concurrency,
      docKb,
      opCpuMs: Object.fromEntries(costs.map((c) => [c.op, round(c.totalMs, 3)])),
      floorCpuMsPerDossier: round(floor, 1),
      withReadsCpuMsPerDossier: round(withReads, 1),
    }),
  );
}

type Measure = (op: string, count: number, run: () => Promise<void>) => Promise<OpCost>;

/** One event: produced (acks from all replicas), fetched by a consumer group, committed. */
async function kafkaEvents(
  brokers: string,
  sasl: ReturnType<typeof testInfra>['kafkaSuperuser'],
  n: number,
  concurrency: number,
  measure: Measure,
): Promise<OpCost> {
  const kafka = new Kafka({
    clientId: 'bench-floor',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    ...(sasl ? { sasl } : {}),
  });
  const topic = `bench-floor-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const admin = kafka.admin();
  await admin.connect();
  await createTopic(admin, topic, 6);
  const producer = kafka.producer({ maxInFlightRequests: 1, idempotent: false });
  const consumer = kafka.consumer({ groupId: `${topic}.group`, maxWaitTimeInMs: 100 });
  const waiting = new Map<string, () => void>();
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    partitionsConsumedConcurrently: 6,
    eachBatch: async ({ batch }) => {
      const last = batch.messages[batch.messages.length - 1];
      if (!last) return;
      await consumer.commitOffsets([
        {
          topic: batch.topic,
          partition: batch.partition,
          offset: String(BigInt(last.offset) + 1n),
        },
      ]);
      for (const message of batch.messages) {
        const key = message.key?.toString() ?? '';
        waiting.get(key)?.();
        waiting.delete(key);
      }
    },
  });
  const value = JSON.stringify({ payload: randomBytes(400).toString('base64') });
  const one = async (key: string) => {
    const seen = new Promise<void>((resolve) => waiting.set(key, resolve));
    await producer.send({ topic, acks: -1, messages: [{ key, value }] });
    await seen;
  };
  try {
    // Warm-up: the group joined, every partition's leader known.
    await inParallel(100, concurrency, (i) => one(`warm-${i}`));
    return await measure('a Kafka event (produced, consumed, committed)', n, () =>
      inParallel(n, concurrency, (i) => one(`floor-${i}`)),
    );
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

/** One JSON request and its answer over a kept-alive connection, both ends in this process. */
async function httpRequests(n: number, concurrency: number, measure: Measure): Promise<OpCost> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true, length: body.length }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const body = JSON.stringify({ payload: randomBytes(600).toString('base64') });
  const one = async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await res.json();
  };
  try {
    await inParallel(200, concurrency, one);
    return await measure('an HTTP request (both ends)', n, () => inParallel(n, concurrency, one));
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
