import mongoose from 'mongoose';
import { testInfra, uniqueName } from '@lien-thong/test-infra';
import { ServiceProcess, spawnService } from './service-process';

/** The names of the databases a server holds. */
async function databasesOn(url: string): Promise<string[]> {
  const connection = await mongoose.createConnection(url).asPromise();
  try {
    const answer = await connection.db?.admin().listDatabases();
    return (answer?.databases ?? []).map((d) => d.name);
  } finally {
    await connection.close();
  }
}

// Issue 18: the agency simulators stand in for other agencies' systems, so what they store
// must not be counted as our database's work: the provisioning gives them a server of their
// own (tools/infra/provision.mjs), unless MONGO_URL alone names a server from outside.
describe('the agency simulators keep their data on a database server of their own', () => {
  const { mongoUrl, simulatorsMongoUrl } = testInfra();
  const dbName = uniqueName('simulators-db');
  let simulators: ServiceProcess | undefined;

  beforeAll(async () => {
    // The Justice registry writes its seeded holds at start-up.
    simulators = await spawnService('agency-simulators', { MONGO_DB: dbName }, { quiet: true });
  }, 200_000);
  afterAll(() => simulators?.stop());

  it('writes into the simulators’ server, and nothing into ours', async () => {
    if (simulatorsMongoUrl === mongoUrl) {
      // MONGO_URL from the environment without SIMULATORS_MONGO_URL: one server for both.
      expect(process.env.SIMULATORS_MONGO_URL ?? mongoUrl).toBe(mongoUrl);
      return;
    }
    expect(await databasesOn(simulatorsMongoUrl)).toContain(dbName);
    expect(await databasesOn(mongoUrl)).not.toContain(dbName);
  });
});
