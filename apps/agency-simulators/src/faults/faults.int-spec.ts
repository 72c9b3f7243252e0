import {
  AgencyErrorBody,
  AgencyStats,
  AllFaultSettings,
  FaultSettings,
  POPULATION_API,
  SIMULATOR_ADMIN_API,
  SMS_GATEWAY_API,
} from '@lien-thong/agency-contracts';
import {
  RunningService,
  SAMPLE_USERS,
  authAs,
  eventually,
  startService,
} from '@lien-thong/testing';
import { AgencySimulatorsConfig } from '../config/agency-simulators.config';
import { AGENCY_SIMULATORS_SERVICE } from '../service';
import { jsonClient } from '../test-support/json-client';

const CITIZEN = `${POPULATION_API.simulatorMount}${POPULATION_API.citizen('001085012345')}`;
const SMS = `${SMS_GATEWAY_API.simulatorMount}${SMS_GATEWAY_API.messages}`;

describe('faults and statistics of the simulators', () => {
  let simulators: RunningService<AgencySimulatorsConfig>;
  let api: ReturnType<typeof jsonClient>;
  const stats = async () =>
    (await api.get<AgencyStats>(SIMULATOR_ADMIN_API.agencyStats('population'))).body;

  beforeAll(async () => {
    simulators = await startService(AGENCY_SIMULATORS_SERVICE);
    api = jsonClient(simulators.baseUrl, await authAs(SAMPLE_USERS.operator));
  });
  beforeEach(async () => {
    await api.delete(SIMULATOR_ADMIN_API.faults);
    await api.delete(SIMULATOR_ADMIN_API.stats);
  });
  afterAll(() => simulators?.close());

  it('answers 503 at once during an outage, for that agency only, while its admin stays reachable', async () => {
    const set = await api.put<FaultSettings>(SIMULATOR_ADMIN_API.agencyFaults('population'), {
      outage: true,
      latencyMs: 2000,
    });
    expect(set.body).toMatchObject({ outage: true, errorRate: 0, errorStatus: 503 });
    const down = await api.get<AgencyErrorBody>(CITIZEN);
    expect(down).toMatchObject({ status: 503, body: { code: 'SIMULATOR.OUTAGE' } });
    expect(down.body.message).toContain('tạm ngừng');
    expect(down.elapsedMs).toBeLessThan(1000);

    expect((await api.post(SMS, { messageId: 'm1', to: '0912345678', text: 'x' })).status).toBe(
      202,
    );
    expect((await api.get(SIMULATOR_ADMIN_API.agencyStats('population'))).status).toBe(200);
    const all = (await api.get<AllFaultSettings>(SIMULATOR_ADMIN_API.faults)).body;
    expect(all.population.outage).toBe(true);
    expect(all.sms.outage).toBe(false);

    await api.delete(SIMULATOR_ADMIN_API.faults);
    expect((await api.get(CITIZEN)).status).toBe(200);
  });

  it('fails every call with errorStatus at error rate 1, before doing any work', async () => {
    await api.put(SIMULATOR_ADMIN_API.agencyFaults('sms'), { errorRate: 1, errorStatus: 500 });
    const message = { messageId: 'm2', to: '0933333333', text: 'Không được gửi' };
    const answers = await Promise.all([1, 2, 3].map(() => api.post<AgencyErrorBody>(SMS, message)));
    expect(answers.map((a) => [a.status, a.body.code])).toEqual(
      Array(3).fill([500, 'SIMULATOR.INJECTED_FAILURE']),
    );
    const sent = await api.get<{ count: number }>(`${SIMULATOR_ADMIN_API.messages}?to=0933333333`);
    expect(sent.body.count).toBe(0);
    expect((await api.get<AgencyStats>(SIMULATOR_ADMIN_API.agencyStats('sms'))).body).toEqual({
      received: 3,
      completed: 0,
      failedInjected: 3,
      aborted: 0,
    });
  });

  it('fails the same calls again for the same seed', async () => {
    const run = async () => {
      await api.put(SIMULATOR_ADMIN_API.agencyFaults('population'), { errorRate: 0.5, seed: 7 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await api.get(CITIZEN)).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });

  it('holds every answer back by the latency', async () => {
    await api.put(SIMULATOR_ADMIN_API.agencyFaults('population'), { latencyMs: 300 });
    const ok = await api.get(CITIZEN);
    expect(ok.status).toBe(200);
    expect(ok.elapsedMs).toBeGreaterThanOrEqual(295);
    const notFound = await api.get(
      `${POPULATION_API.simulatorMount}${POPULATION_API.citizen('001099999999')}`,
    );
    expect(notFound.status).toBe(404);
    expect(notFound.elapsedMs).toBeGreaterThanOrEqual(295);
    expect(await stats()).toEqual({ received: 2, completed: 2, failedInjected: 0, aborted: 0 });
  });

  it('counts a client that gives up before the answer as aborted', async () => {
    await api.put(SIMULATOR_ADMIN_API.agencyFaults('population'), { latencyMs: 1000 });
    const started = performance.now();
    await expect(api.get(CITIZEN, AbortSignal.timeout(100))).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(performance.now() - started).toBeLessThan(900);
    const counted = await eventually(
      async () => ((await stats()).aborted === 1 ? stats() : undefined),
      3000,
      'aborted call counted',
    );
    expect(counted).toEqual({ received: 1, completed: 0, failedInjected: 0, aborted: 1 });
  });

  it('has done the work of a call whose client gave up: the retry with the same id finds it', async () => {
    await api.put(SIMULATOR_ADMIN_API.agencyFaults('sms'), { latencyMs: 500 });
    const message = { messageId: 'm3', to: '0944444444', text: 'Gửi một lần' };
    await expect(api.post(SMS, message, AbortSignal.timeout(100))).rejects.toThrow();
    await api.delete(SIMULATOR_ADMIN_API.faults);
    expect((await api.post(SMS, message)).status).toBe(202);
    const sent = await api.get<{ count: number }>(`${SIMULATOR_ADMIN_API.messages}?to=0944444444`);
    expect(sent.body.count).toBe(1);
  });

  it('documents every simulated route under a "(simulator)" tag', async () => {
    const docs = await api.get<{ paths: Record<string, Record<string, { tags?: string[] }>> }>(
      '/docs-json',
    );
    const operations = Object.entries(docs.body.paths)
      // The platform's probes are the process's, not a simulated agency's.
      .filter(([path]) => !path.startsWith('/health'))
      .flatMap(([path, methods]) => Object.values(methods).map((op) => ({ path, tags: op.tags })));
    expect(operations.length).toBeGreaterThan(15);
    for (const { path, tags } of operations) {
      expect({ path, simulator: tags?.some((tag) => tag.endsWith('(simulator)')) }).toEqual({
        path,
        simulator: true,
      });
    }
  });

  it('refuses unknown agencies and out-of-range settings with 400', async () => {
    expect((await api.put(SIMULATOR_ADMIN_API.agencyFaults('fax' as never), {})).status).toBe(400);
    const bad = await api.put<AgencyErrorBody>(SIMULATOR_ADMIN_API.agencyFaults('e-tax'), {
      errorRate: 1.5,
      errorStatus: 200,
    });
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['errorRate', 'errorStatus']);
  });
});
