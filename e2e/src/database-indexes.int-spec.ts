import mongoose from 'mongoose';
import { testInfra, uniqueName } from '@lien-thong/testing';

jest.setTimeout(120_000);

/**
 * The services find a dossier's assessments, a parcel's checks, the running dossiers of a
 * step… by fields other than _id, and history only grows (issue 18: flat with history). The
 * database the services are given must answer such a look-up from the index they declare,
 * not by reading the whole collection: mongod does; FerretDB 1.24 on PostgreSQL does only
 * with the patches tools/infra/mongo.mjs builds it with. Asked as the services ask, of the
 * server provisioned for the tests, with the answers checked too (an index must never lose
 * a document, e.g. one whose field is an array).
 */
describe('look-ups by an indexed field', () => {
  let connection: mongoose.Connection;
  let records: mongoose.mongo.Collection<{ _id: string } & Record<string, unknown>>;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(testInfra().mongoUrl, { dbName: uniqueName('indexes') })
      .asPromise();
    records = connection.collection<{ _id: string } & Record<string, unknown>>('records');
    await records.createIndex({ dossierCode: 1, revision: -1 });
    await records.createIndex({ status: 1 });
    await records.createIndex({ key: 1 }, { unique: true });
    // Enough finished history that reading it all would be the planner's worse choice.
    const docs = Array.from({ length: 4000 }, (_, i) => ({
      _id: `R${i}`,
      dossierCode: `HS-${i % 1000}`,
      revision: i,
      status: i % 100 === 0 ? 'IN_REVIEW' : 'DONE',
      key: `K${i}`,
      tags: i === 7 ? ['HS-x', 'HS-y'] : 'HS-z',
    }));
    await records.insertMany(docs);
  });

  afterAll(async () => {
    await connection?.db?.dropDatabase().catch(() => undefined);
    await connection?.close();
  });

  async function lookUp(filter: Record<string, unknown>) {
    const explained = JSON.stringify(await records.find(filter).explain());
    const indexed = /IXSCAN|IDHACK|Index Scan|Index Only Scan/.test(explained);
    const found = (await records.find(filter).toArray()).map((d) => String(d._id)).sort();
    return { indexed, found };
  }

  it('answers equality on a field from its index, the first of a compound one or not', async () => {
    expect(await lookUp({ dossierCode: 'HS-5' })).toEqual({
      indexed: true,
      found: ['R1005', 'R2005', 'R3005', 'R5'],
    });
    expect(await lookUp({ revision: 3 })).toEqual({ indexed: true, found: ['R3'] });
    expect(await lookUp({ key: 'K42' })).toEqual({ indexed: true, found: ['R42'] });
  });

  it('answers $in on a field, and on _id, from an index', async () => {
    const running = await lookUp({ status: { $in: ['IN_REVIEW', 'AWAITING_APPROVAL'] } });
    expect(running.indexed).toBe(true);
    expect(running.found).toHaveLength(40);
    expect(await lookUp({ _id: { $in: ['R1', 'R2', 'none'] } })).toEqual({
      indexed: true,
      found: ['R1', 'R2'],
    });
    expect(await lookUp({ status: { $in: ['IN_REVIEW'] }, dossierCode: 'HS-0' })).toEqual({
      indexed: true,
      found: ['R0', 'R1000', 'R2000', 'R3000'],
    });
  });

  it('still finds a document whose field holds the value in an array, and updates by index', async () => {
    expect((await lookUp({ tags: 'HS-x' })).found).toEqual(['R7']);
    expect((await lookUp({ tags: { $in: ['HS-y'] } })).found).toEqual(['R7']);
    const updated = await records.updateMany(
      { status: { $in: ['IN_REVIEW'] } },
      { $set: { status: 'AWAITING_APPROVAL' } },
    );
    expect(updated.modifiedCount).toBe(40);
    expect((await lookUp({ status: 'IN_REVIEW' })).found).toEqual([]);
    const removed = await records.deleteMany({ dossierCode: 'HS-1' });
    expect(removed.deletedCount).toBe(4);
    expect(await records.countDocuments({ dossierCode: 'HS-1' })).toBe(0);
  });
});
