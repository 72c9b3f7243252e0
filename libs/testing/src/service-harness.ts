import { DynamicModule, INestApplication } from '@nestjs/common';
import { bootstrapService, ServiceConfig, ServiceInfo } from '@lien-thong/platform';
import { freePort, testInfra, uniqueName } from '@lien-thong/test-infra';

export interface RunningService {
  app: INestApplication;
  baseUrl: string;
  config: ServiceConfig;
  close(): Promise<void>;
}

/**
 * Boots a service exactly as main.ts does (same bootstrap, same pipes and filters),
 * against the run's real Kafka and database, on a free port and its own database.
 */
export async function startService<C extends ServiceConfig>(
  info: ServiceInfo,
  loadConfig: (env: NodeJS.ProcessEnv) => C,
  moduleFor: (config: C) => DynamicModule,
  env: NodeJS.ProcessEnv = {},
): Promise<RunningService> {
  const { kafkaBrokers, mongoUrl } = testInfra();
  const port = await freePort();
  const config = loadConfig({
    KAFKA_BROKERS: kafkaBrokers,
    MONGO_URL: mongoUrl,
    MONGO_DB: uniqueName(info.name),
    KAFKA_NAMESPACE: uniqueName('t'),
    LOG_LEVEL: 'warn',
    ...env,
    PORT: String(port),
  });
  const app = await bootstrapService({
    module: moduleFor(config),
    config,
    info,
    host: '127.0.0.1',
  });
  return { app, baseUrl: `http://127.0.0.1:${port}`, config, close: () => app.close() };
}

/**
 * The boot test every service has: it starts against the real broker and database and
 * its /health says so. `kafka` is 'not-used' for a process that is not on the bus.
 */
export function describeServiceBoots<C extends ServiceConfig>(
  info: ServiceInfo,
  loadConfig: (env: NodeJS.ProcessEnv) => C,
  moduleFor: (config: C) => DynamicModule,
  kafka: 'up' | 'not-used' = 'up',
): void {
  describe(`${info.name} boots against the real broker and database`, () => {
    let service: RunningService;

    beforeAll(async () => {
      service = await startService(info, loadConfig, moduleFor);
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
