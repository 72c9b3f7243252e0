import { INestApplication } from '@nestjs/common';
import { bootstrapService, ServiceConfig, ServiceDefinition } from '@lien-thong/platform';
import { freePort, grantKafkaAcls, testInfra, uniqueName } from '@lien-thong/test-infra';
import { SERVICE_MANIFEST } from './service-manifest';

export interface RunningService<C extends ServiceConfig = ServiceConfig> {
  app: INestApplication;
  baseUrl: string;
  config: C;
  close(): Promise<void>;
}

/**
 * Boots a service exactly as its main.ts does (same definition, pipes, filters and Kafka
 * consumer), against the run's real Kafka and database, on a free port, with its own
 * database and topic namespace unless `env` says otherwise. It connects to Kafka with its
 * own credentials (envFor), and is granted its ACLs for that namespace first.
 */
export async function startService<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
  env: NodeJS.ProcessEnv = {},
): Promise<RunningService<C>> {
  const { kafkaBrokers, mongoUrl, simulatorsMongoUrl, envFor } = testInfra();
  const port = await freePort();
  const simulator = SERVICE_MANIFEST.services.find(
    (s) => s.name === definition.info.name,
  )?.simulator;
  const config = definition.loadConfig({
    ...envFor(definition.info.name),
    KAFKA_BROKERS: kafkaBrokers,
    MONGO_URL: simulator ? simulatorsMongoUrl : mongoUrl,
    MONGO_DB: uniqueName(definition.info.name),
    KAFKA_NAMESPACE: uniqueName('t'),
    LOG_LEVEL: 'warn',
    ...env,
    PORT: String(port),
  });
  // The broker lets a service touch only what its ACLs allow, and the test's namespace is new.
  await grantKafkaAcls(definition.info.name, config.KAFKA_NAMESPACE);
  const app = await bootstrapService({
    module: definition.module(config),
    config,
    info: definition.info,
    connect: definition.connect,
    host: '127.0.0.1',
  });
  return { app, baseUrl: `http://127.0.0.1:${port}`, config, close: () => app.close() };
}

/**
 * The boot test every service has: it starts against the real broker and database and
 * its /health says so. `kafka` is 'not-used' for a process that is not on the bus.
 */
export function describeServiceBoots<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
  kafka: 'up' | 'not-used' = 'up',
): void {
  const { info } = definition;
  describe(`${info.name} boots against the real broker and database`, () => {
    let service: RunningService<C>;

    beforeAll(async () => {
      service = await startService(definition);
    });
    afterAll(() => service?.close());

    it('answers GET /health with status ok and the state of Kafka and the database', async () => {
      const res = await fetch(`${service.baseUrl}/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        status: 'ok',
        service: info.name,
        checks: { database: { status: 'up' }, kafka: { status: kafka } },
      });
    });

    it('serves its OpenAPI document', async () => {
      const res = await fetch(`${service.baseUrl}/docs-json`);
      expect(res.status).toBe(200);
      const document = (await res.json()) as { info: { title: string } };
      expect(document.info.title).toBe(info.title);
    });
  });
}
