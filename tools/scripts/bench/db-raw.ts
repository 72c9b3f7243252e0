// The database limit: single-document writes of dossier-sized documents, as fast as the
// database takes them, with the driver the services use (mongoose's MongoDB driver).
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { inParallel, summarize, Summary } from './stats';

export interface DbRawResult {
  op: string;
  writes: number;
  docBytes: number;
  seconds: number;
  writesPerSec: number;
  /** Writes the database refused (FerretDB/SQLite: "database is locked" under concurrency). */
  errors: number;
  firstError?: string;
  latencyMs: Summary;
}

export function bsonSize(doc: object): number {
  return mongoose.mongo.BSON.calculateObjectSize(doc);
}

/**
 * insertOne of `count` copies of `sample` (new _id each), then one updateOne per document
 * that sets fields and pushes a timeline entry (what a saga step does), `concurrency` in
 * flight, in a database of its own that is dropped afterwards.
 */
export async function rawDbWrites(
  mongoUrl: string,
  sample: Record<string, unknown>,
  count: number,
  concurrency: number,
  /** Each operation stops being issued after this long (a slow database must not hold the run up). */
  maxSeconds = 30,
): Promise<DbRawResult[]> {
  const dbName = `bench-raw-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const connection = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
  try {
    const db = connection.db;
    if (!db) throw new Error('no database handle');
    const collection = db.collection<{ _id: string }>('raw_writes');
    const { _id: _ignored, ...body } = sample;
    const docBytes = bsonSize({ _id: 'VPDKHN-RAW-000000', ...body });
    const run = async (
      op: string,
      write: (i: number) => Promise<unknown>,
    ): Promise<DbRawResult> => {
      const latencies: number[] = [];
      let errors = 0;
      let skipped = 0;
      let firstError: string | undefined;
      const started = performance.now();
      await inParallel(count, concurrency, async (i) => {
        if (performance.now() - started > maxSeconds * 1000) {
          skipped++;
          return;
        }
        const t = performance.now();
        try {
          await write(i);
          latencies.push(performance.now() - t);
        } catch (err) {
          errors++;
          firstError ??= err instanceof Error ? err.message : String(err);
        }
      });
      const seconds = (performance.now() - started) / 1000;
      return {
        op,
        writes: count - errors - skipped,
        docBytes,
        seconds,
        writesPerSec: (count - errors - skipped) / seconds,
        errors,
        ...(firstError ? { firstError } : {}),
        latencyMs: summarize(latencies),
      };
    };
    const id = (i: number) => `VPDKHN-RAW-${String(i).padStart(6, '0')}`;
    const inserted = await run('insertOne', (i) => collection.insertOne({ _id: id(i), ...body }));
    const updated = await run('updateOne ($set + $push)', (i) =>
      collection.updateOne(
        { _id: id(i) },
        {
          $set: { status: 'WAITING_FOR_TAX', heldBy: 'tax-obligation', rev: 1 },
          $push: {
            ['timeline' as string]: {
              at: new Date(),
              step: 'TRANSFER_SLIP_SENT',
              actor: 'land-registry',
              noteVi: 'Chuyển phiếu thông tin xác định nghĩa vụ tài chính sang cơ quan thuế',
            },
          },
        },
      ),
    );
    return [inserted, updated];
  } finally {
    await connection.db?.dropDatabase().catch(() => undefined);
    await connection.close();
  }
}

interface ServerStatus {
  metrics?: { commands?: Record<string, { total?: number | { toNumber(): number } }> };
  opcounters?: Record<string, number>;
}

async function serverStatus(mongoUrl: string): Promise<ServerStatus> {
  const connection = await mongoose.createConnection(mongoUrl).asPromise();
  try {
    return (await connection.db?.admin().command({ serverStatus: 1 })) as ServerStatus;
  } finally {
    await connection.close();
  }
}

function commandTotals(status: ServerStatus): Record<string, number> {
  return Object.fromEntries(
    Object.entries(status.metrics?.commands ?? {}).map(([name, c]) => [
      name,
      typeof c.total === 'number' ? c.total : Number(c.total?.toNumber() ?? 0),
    ]),
  );
}

/** Write commands the database has executed so far (FerretDB and mongod both answer this). */
export async function writeCommandCount(
  mongoUrl: string,
): Promise<{ writes: number; byCommand: Record<string, number> }> {
  const status = await serverStatus(mongoUrl);
  const commands = commandTotals(status);
  const byCommand: Record<string, number> = {};
  for (const name of ['insert', 'update', 'delete', 'findAndModify'])
    byCommand[name] = commands[name] ?? 0;
  // mongod counts operations in opcounters; FerretDB only per command.
  if (status.opcounters && !status.metrics?.commands?.insert) {
    byCommand.insert = status.opcounters.insert ?? 0;
    byCommand.update = status.opcounters.update ?? 0;
    byCommand.delete = status.opcounters.delete ?? 0;
  }
  return { writes: Object.values(byCommand).reduce((s, n) => s + n, 0), byCommand };
}

/** Every command the server has answered, by name (serverStatus metrics.commands). */
export async function commandCounts(mongoUrl: string): Promise<Record<string, number>> {
  return commandTotals(await serverStatus(mongoUrl));
}
