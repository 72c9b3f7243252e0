import { authAs, SAMPLE_USERS, ServiceProcess, spawnService } from '@lien-thong/testing';
import { AgencyClient } from './agency-client';
import { DEFAULT_POLICY } from './agency-policy';

jest.setTimeout(90_000);

/** The breaker against the real agency simulators, as services use it. */
describe('AgencyClient against the agency simulators', () => {
  let simulators: ServiceProcess;
  const admin = () => authAs(SAMPLE_USERS.operator);
  const fault = async (agency: string, settings: object) =>
    fetch(`${simulators.baseUrl}/admin/faults/${agency}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...(await admin()) },
      body: JSON.stringify(settings),
    });
  const stats = async (agency: string) =>
    (await (
      await fetch(`${simulators.baseUrl}/admin/stats/${agency}`, { headers: await admin() })
    ).json()) as {
      received: number;
      aborted: number;
    };

  beforeAll(async () => {
    simulators = await spawnService('agency-simulators', {}, { quiet: true });
  });
  afterAll(() => simulators?.stop());
  afterEach(async () => {
    await fetch(`${simulators.baseUrl}/admin/faults`, { method: 'DELETE', headers: await admin() });
    await fetch(`${simulators.baseUrl}/admin/stats`, { method: 'DELETE', headers: await admin() });
  });

  const checkParcel = (client: AgencyClient) =>
    client.call({
      method: 'POST',
      path: '/parcel-checks',
      body: {
        parcel: { communeCode: '00004', mapSheetNumber: 12, parcelNumber: 101 },
        certificateSerial: 'CS12000101',
      },
      idempotent: false,
    });

  it('really aborts a call that times out: the simulator counts it as aborted by the client', async () => {
    await fault('justice-registry', { latencyMs: 2_000 });
    const client = new AgencyClient('justice-registry', `${simulators.baseUrl}/justice/v1`, {
      ...DEFAULT_POLICY,
      timeoutMs: 300,
      retries: 0,
    });
    await expect(checkParcel(client)).rejects.toMatchObject({
      code: 'AGENCY.FAILED',
      timedOut: true,
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(await stats('justice-registry')).toMatchObject({ received: 1, aborted: 1 });
    client.shutdown();
  });

  it('opens during an outage, stops calling the registry, and closes again after it recovers', async () => {
    await fault('justice-registry', { outage: true });
    const client = new AgencyClient('justice-registry', `${simulators.baseUrl}/justice/v1`, {
      ...DEFAULT_POLICY,
      volumeThreshold: 3,
      resetTimeoutMs: 500,
      retries: 0,
    });
    for (let i = 0; i < 3; i++)
      await expect(checkParcel(client)).rejects.toMatchObject({ code: 'AGENCY.FAILED' });
    expect(client.state).toBe('OPEN');
    await expect(checkParcel(client)).rejects.toMatchObject({ code: 'AGENCY.UNAVAILABLE' });
    expect((await stats('justice-registry')).received).toBe(3);
    await fetch(`${simulators.baseUrl}/admin/faults`, { method: 'DELETE', headers: await admin() });
    await new Promise((r) => setTimeout(r, 600));
    await expect(checkParcel(client)).resolves.toMatchObject({ status: 'CLEAR' });
    expect(client.state).toBe('CLOSED');
    client.shutdown();
  });
});
