import { Topics } from '@lien-thong/contracts';
import { uniqueName } from '@lien-thong/test-infra';
import {
  EventProbe,
  RunningService,
  SAMPLE_USERS,
  ServiceProcess,
  authAs,
  eventually,
  publishEvent,
  spawnService,
  startService,
} from '@lien-thong/testing';
import { CONSTRUCTION_SERVICE } from '../service';

const asOperator = () => authAs(SAMPLE_USERS.operator);

jest.setTimeout(120_000);

const house = (permit?: string) => ({
  kind: 'DETACHED_HOUSE' as const,
  grade: 'III' as const,
  floorAreaTenthsM2: 1_850,
  floors: 3,
  builtYear: 2019,
  ...(permit
    ? { permit: { number: permit, issuedOn: '2018-06-12', authority: 'UBND quận Ba Đình' } }
    : {}),
});

/** A land office's request for the department's opinion, due in two days. */
function request(dossierCode: string, permit?: string, provinceCode = '01') {
  return {
    dossierCode,
    requestId: `${dossierCode}:C1`,
    parcel: { communeCode: '00004', mapSheetNumber: 12, parcelNumber: 140 },
    provinceCode,
    address: 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
    house: house(permit),
    requestedAt: new Date().toISOString(),
    dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
  };
}

describe('opinions of the construction department (simulator)', () => {
  let simulators: ServiceProcess;
  let service: RunningService;
  let probe: EventProbe;
  const namespace = uniqueName('cx');

  const ask = (dossierCode: string, permit?: string, provinceCode?: string) =>
    publishEvent(
      namespace,
      Topics.ConstructionOpinionRequested,
      dossierCode,
      request(dossierCode, permit, provinceCode),
    );
  const setFaults = async (body: Record<string, unknown>) =>
    fetch(`${simulators.baseUrl}/admin/faults/construction`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...(await asOperator()) },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    simulators = await spawnService(
      'agency-simulators',
      { CONSTRUCTION_ANSWER_DELAY_MS: '800' },
      { quiet: true },
    );
    service = await startService(CONSTRUCTION_SERVICE, {
      KAFKA_NAMESPACE: namespace,
      CONSTRUCTION_URL: `${simulators.baseUrl}/construction/v1`,
      OPINION_SWEEP_MS: '300',
      RETRY_DELAYS_MS: '300,600,900',
      AGENCY_POLICY_OVERRIDES: JSON.stringify({
        construction: { volumeThreshold: 2, resetTimeoutMs: 1000, timeoutMs: 500, retries: 0 },
      }),
    });
    probe = await EventProbe.listen(namespace, [
      Topics.ConstructionOpinionGiven,
      Topics.AgencyAvailabilityChanged,
    ]);
  });
  afterAll(async () => {
    await probe?.close();
    await service?.close();
    await simulators?.stop();
  });
  afterEach(async () =>
    fetch(`${simulators.baseUrl}/admin/faults`, { method: 'DELETE', headers: await asOperator() }),
  );

  it('announces the department answer: confirmed, or not confirmed with its reasons in Vietnamese', async () => {
    await ask('HS-CX-OK', '123/GPXD');
    await ask('HS-CX-NOPERMIT');
    await ask('HS-CX-WRONG', '45-SAI/GPXD');
    const [ok] = await probe.waitFor(Topics.ConstructionOpinionGiven, 'HS-CX-OK');
    const [noPermit] = await probe.waitFor(Topics.ConstructionOpinionGiven, 'HS-CX-NOPERMIT');
    const [wrong] = await probe.waitFor(Topics.ConstructionOpinionGiven, 'HS-CX-WRONG');
    expect(ok.payload).toEqual({
      dossierCode: 'HS-CX-OK',
      requestId: 'HS-CX-OK:C1',
      outcome: 'CONFIRMED',
      reasons: [],
      reference: expect.stringMatching(/\/SXD-QLXD$/),
      answeredAt: expect.any(String),
    });
    expect(noPermit.payload).toMatchObject({
      outcome: 'NOT_CONFIRMED',
      reasons: [{ code: 'CONSTRUCTION.NO_PERMIT', messageVi: expect.stringMatching(/giấy phép/) }],
    });
    expect(wrong.payload.reasons.map((r) => r.code)).toEqual(['CONSTRUCTION.NOT_CONFORMING']);

    // The department's officers of the province follow the requests; other provinces see none.
    const list = (await (
      await fetch(`${service.baseUrl}/opinion-requests`, {
        headers: await authAs(SAMPLE_USERS.constructionHaNoi),
      })
    ).json()) as { requestId: string; status: string; late: boolean; outcome?: string }[];
    expect(list.find((r) => r.requestId === 'HS-CX-OK:C1')).toMatchObject({
      status: 'ANSWERED',
      outcome: 'CONFIRMED',
      late: false,
    });
    const one = await fetch(`${service.baseUrl}/opinion-requests/HS-CX-WRONG:C1`, {
      headers: await authAs(SAMPLE_USERS.constructionHaNoi),
    });
    expect(one.status).toBe(200);
    const byCitizen = await fetch(`${service.baseUrl}/opinion-requests`, {
      headers: await authAs(SAMPLE_USERS.citizenAn),
    });
    expect(byCitizen.status).toBe(403);
  });

  it('keeps a request while the department is down, opens its breaker, and answers exactly once when it is back', async () => {
    expect((await setFaults({ outage: true })).ok).toBe(true);
    await ask('HS-CX-OUTAGE', '777/GPXD');
    await probe.waitFor(Topics.AgencyAvailabilityChanged, 'construction', 1, 20_000);
    const opened = probe.of(Topics.AgencyAvailabilityChanged, 'construction').map((e) => e.payload);
    expect(opened).toContainEqual({
      agency: 'construction',
      state: 'OPEN',
      observedBy: 'construction',
    });
    const health = (await (await fetch(`${service.baseUrl}/health`)).json()) as {
      checks: { agencies: { breakers: Record<string, { failures: number }> } };
    };
    expect(health.checks.agencies.breakers.construction.failures).toBeGreaterThan(0);
    expect(probe.of(Topics.ConstructionOpinionGiven, 'HS-CX-OUTAGE')).toHaveLength(0);

    await fetch(`${simulators.baseUrl}/admin/faults`, {
      method: 'DELETE',
      headers: await asOperator(),
    });
    const [answer] = await probe.waitFor(
      Topics.ConstructionOpinionGiven,
      'HS-CX-OUTAGE',
      1,
      30_000,
    );
    expect(answer.payload.outcome).toBe('CONFIRMED');
    await new Promise((r) => setTimeout(r, 2000));
    expect(probe.of(Topics.ConstructionOpinionGiven, 'HS-CX-OUTAGE')).toHaveLength(1);
  });

  it('cancels the request of a withdrawn or refused dossier, and no answer follows', async () => {
    const statusOf = async (requestId: string) =>
      (
        (await (
          await fetch(`${service.baseUrl}/opinion-requests/${requestId}`, {
            headers: await authAs(SAMPLE_USERS.constructionHaNoi),
          })
        ).json()) as { status?: string }
      ).status;
    // Withdrawn while the request waits for the department (down): it is never answered.
    await setFaults({ outage: true });
    await ask('HS-CX-WITHDRAWN', '888/GPXD');
    await eventually(
      async () => (await statusOf('HS-CX-WITHDRAWN:C1')) === 'RECEIVED' || undefined,
    );
    await publishEvent(namespace, Topics.DossierWithdrawn, 'HS-CX-WITHDRAWN', {
      dossierCode: 'HS-CX-WITHDRAWN',
      withdrawnBy: 'CITIZEN',
      reasonVi: 'Người nộp rút hồ sơ',
      withdrawnAt: new Date().toISOString(),
    });
    // Refused before its request was read: the request is cancelled as it arrives.
    await publishEvent(namespace, Topics.DossierRefused, 'HS-CX-REFUSED', {
      dossierCode: 'HS-CX-REFUSED',
      reasonCode: 'DOSSIER.INELIGIBLE',
      reasonVi: 'Hồ sơ không đủ điều kiện',
    });
    await new Promise((r) => setTimeout(r, 1000));
    await ask('HS-CX-REFUSED', '889/GPXD');
    await fetch(`${simulators.baseUrl}/admin/faults`, {
      method: 'DELETE',
      headers: await asOperator(),
    });
    await eventually(
      async () =>
        ((await statusOf('HS-CX-WITHDRAWN:C1')) === 'CANCELLED' &&
          (await statusOf('HS-CX-REFUSED:C1')) === 'CANCELLED') ||
        undefined,
      30_000,
      'both requests cancelled',
    );
    // Well past the department's answer time (0.8 s) and several sweeps.
    await new Promise((r) => setTimeout(r, 3000));
    expect(probe.of(Topics.ConstructionOpinionGiven, 'HS-CX-WITHDRAWN')).toHaveLength(0);
    expect(probe.of(Topics.ConstructionOpinionGiven, 'HS-CX-REFUSED')).toHaveLength(0);
  });
});
