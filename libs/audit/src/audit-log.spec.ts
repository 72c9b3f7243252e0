import type { Connection } from 'mongoose';
import { AuditLog, MAX_PENDING_SECURITY_EVENTS } from './audit-log';
import type { StoredAuditRecord } from './audit-record';
import { verifyRecords } from './chain';

/** An in-memory stand-in for the collection: a unique _id, and inserts that can be held. */
class FakeCollection {
  readonly docs = new Map<number, StoredAuditRecord>();
  hold?: Promise<void>;
  failNext?: Error;

  /** Ordered: stops at the first failure, the documents before it stay inserted. */
  async insertMany(docs: StoredAuditRecord[]) {
    await this.hold;
    if (this.failNext) {
      const err = this.failNext;
      this.failNext = undefined;
      throw err;
    }
    for (const [i, doc] of docs.entries()) {
      if (this.docs.has(doc._id))
        throw Object.assign(new Error('E11000'), { code: 11000, insertedCount: i });
      this.docs.set(doc._id, structuredClone(doc));
    }
    return { acknowledged: true };
  }

  /** By _id, or (no filter) the last record. */
  findOne(filter: { _id?: number } = {}) {
    const id = filter._id ?? Math.max(0, ...this.docs.keys());
    return Promise.resolve(this.docs.get(id) ?? null);
  }

  sorted() {
    return [...this.docs.values()].sort((a, b) => a._id - b._id);
  }
}

const auditLogOn = (collection: FakeCollection) =>
  new AuditLog({ db: { collection: () => collection } } as unknown as Connection);

const rejection = {
  kind: 'TOKEN_REJECTED' as const,
  reason: 'no token',
  method: 'GET',
  path: '/dossiers/X',
  ip: '10.0.0.9',
};

describe('AuditLog (appending)', () => {
  it('keeps one chain when another instance appends in between (duplicate key: read the end again)', async () => {
    const collection = new FakeCollection();
    const a = auditLogOn(collection);
    const b = auditLogOn(collection);
    await a.record({ action: 'DOSSIER.READ' });
    await b.record({ action: 'DOSSIER.READ' }); // b reads the end: 1
    await a.record({ action: 'DOSSIER.REFUSED' }); // a thinks the end is 1: conflict, retry as 3
    await b.record({ action: 'DOSSIER.REFUSED' });
    expect(collection.sorted().map((d) => [d._id, d.action])).toEqual([
      [1, 'DOSSIER.READ'],
      [2, 'DOSSIER.READ'],
      [3, 'DOSSIER.REFUSED'],
      [4, 'DOSSIER.REFUSED'],
    ]);
    expect(verifyRecords(collection.sorted() as never)).toMatchObject({ ok: true, records: 4 });
  });

  it('starts writing again for a record asked for just as the queue ran empty', async () => {
    const log = auditLogOn(new FakeCollection());
    // Each record is asked for in the continuation of the one before (the queue is empty then).
    for (let i = 1; i <= 5; i++)
      await expect(log.record({ action: 'DOSSIER.READ' })).resolves.toMatchObject({ seq: i });
    const chained = await log
      .record({ action: 'DOSSIER.READ' })
      .then(() => log.record({ action: 'DOSSIER.REFUSED' }));
    expect(chained.seq).toBe(7);
    await log.flush();
  });

  it('rejects the one record whose insert failed, and goes on with the next', async () => {
    const collection = new FakeCollection();
    const log = auditLogOn(collection);
    collection.failNext = new Error('connection reset');
    const failed = log.record({ action: 'DOSSIER.READ' });
    const next = log.record({ action: 'DOSSIER.REFUSED' });
    await expect(failed).rejects.toThrow('connection reset');
    await expect(next).resolves.toMatchObject({ seq: 1, action: 'DOSSIER.REFUSED' });
  });

  it('refuses an action that is not a code at once, without queueing it', () => {
    const log = auditLogOn(new FakeCollection());
    expect(() => log.record({ action: 'refused' })).toThrow(/not a code/);
  });

  it('never makes the guard wait, bounds a flood of rejections, and says how many it dropped', async () => {
    const collection = new FakeCollection();
    let release!: () => void;
    collection.hold = new Promise((r) => (release = r));
    const log = auditLogOn(collection);
    const flood = MAX_PENDING_SECURITY_EVENTS + 500;
    const started = Date.now();
    for (let i = 0; i < flood; i++) await log.securityEvent(rejection);
    expect(Date.now() - started).toBeLessThan(1000); // nothing was written yet: the database is held
    // An officer's action queued during the flood is written before the queued rejections.
    const officerAction = log.record({ action: 'DOSSIER.REFUSED', dossierCode: 'D-1' });
    release();
    collection.hold = undefined;
    await expect(officerAction).resolves.toMatchObject({ seq: 2 });
    await log.flush();
    const docs = collection.sorted();
    const rejected = docs.filter((d) => d.action === 'AUTH.TOKEN_REJECTED');
    const dropped = docs.find((d) => d.action === 'AUDIT.SECURITY_EVENTS_DROPPED');
    expect(rejected.length).toBeGreaterThanOrEqual(MAX_PENDING_SECURITY_EVENTS);
    expect(dropped?.details).toEqual({ count: flood - rejected.length });
    expect(docs.at(-1)?.action).toBe('AUDIT.SECURITY_EVENTS_DROPPED');
    expect(rejected[0]).toMatchObject({
      actor: null,
      ip: '10.0.0.9',
      details: { reason: 'no token', method: 'GET', path: '/dossiers/X' },
    });
    expect(verifyRecords(docs as never)).toMatchObject({ ok: true, records: docs.length });
  });
});
