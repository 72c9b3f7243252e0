// How the cost of the backbone's typical database operations grows with the size of the
// collection: a lookup by _id, an update by _id, a conditional update (_id plus a field, as
// the outbox relay and the saga do) and an inbox look-up of an event not seen yet.
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';

export interface ScalingRow {
  documents: number;
  findByIdMs: number;
  updateByIdMs: number;
  conditionalUpdateMs: number;
  inboxMissMs: number;
}

async function average(times: number, op: (i: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < times; i++) await op(i);
  return (performance.now() - started) / times;
}

/** One database of its own, dropped afterwards; sequential operations (no contention). */
export async function dbScaling(
  mongoUrl: string,
  sizes: number[] = [100, 1000, 4000],
  docBytes = 3000,
): Promise<ScalingRow[]> {
  const dbName = `bench-scaling-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const connection = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
  const rows: ScalingRow[] = [];
  try {
    const db = connection.db;
    if (!db) throw new Error('no database handle');
    const docs = db.collection<{ _id: string; rev: number; note: string }>('docs');
    const inbox = db.collection<{ consumer: string; eventId: string; handledAt: Date }>('inbox');
    await inbox.createIndex({ consumer: 1, eventId: 1 }, { unique: true });
    const note = 'x'.repeat(docBytes);
    let count = 0;
    for (const size of sizes) {
      const batch: { _id: string; rev: number; note: string }[] = [];
      const entries: { consumer: string; eventId: string; handledAt: Date }[] = [];
      for (; count < size; count++) {
        batch.push({ _id: `D-${count}`, rev: 0, note });
        entries.push({ consumer: 'bench', eventId: `E-${count}`, handledAt: new Date() });
      }
      if (batch.length) await docs.insertMany(batch);
      if (entries.length) await inbox.insertMany(entries);
      // The newest documents: the ones a running system touches.
      const recent = (i: number) => `D-${size - 1 - (i % 20)}`;
      rows.push({
        documents: size,
        findByIdMs: await average(10, (i) => docs.findOne({ _id: recent(i) })),
        updateByIdMs: await average(10, (i) =>
          docs.updateOne({ _id: recent(i) }, { $set: { rev: i } }),
        ),
        conditionalUpdateMs: await average(10, (i) =>
          docs.updateOne({ _id: recent(i), rev: i }, { $set: { rev: i + 1 } }),
        ),
        inboxMissMs: await average(10, (i) =>
          inbox.findOne({ consumer: 'bench', eventId: `NEW-${size}-${i}` }),
        ),
      });
    }
    return rows;
  } finally {
    await connection.db?.dropDatabase().catch(() => undefined);
    await connection.close();
  }
}
