import { Topics } from '@lien-thong/contracts';
import { uniqueName } from '@lien-thong/test-infra';
import {
  EventProbe,
  RunningService,
  SAMPLE_USERS,
  ServiceProcess,
  authAs,
  publishEvent,
  spawnService,
  startService,
  testInfra,
} from '@lien-thong/testing';
import { signWebhook } from '@lien-thong/platform';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection, mongo } from 'mongoose';
import { HoldsService } from '../holds/holds.service';
import { SECURED_TRANSACTIONS_SERVICE } from '../service';

const asOperator = () => authAs(SAMPLE_USERS.operator);

jest.setTimeout(90_000);

const parcel = (parcelNumber: number) => ({
  communeCode: '00004',
  mapSheetNumber: 12,
  parcelNumber,
});

describe('parcel checks against the Justice registry (simulator)', () => {
  let simulators: ServiceProcess;
  let service: RunningService;
  let probe: EventProbe;
  const namespace = uniqueName('st');

  /** The land office asking on receipt about parcel n, for the dossier given each time. */
  const askOnReceipt = (parcelNumber: number) => (dossierCode: string) =>
    publishEvent(namespace, Topics.ParcelCheckRequested, dossierCode, {
      dossierCode,
      stage: 'RECEIPT',
      parcel: parcel(parcelNumber),
      certificateSerial: 'AA12345678',
    });

  beforeAll(async () => {
    simulators = await spawnService('agency-simulators', {}, { quiet: true });
    service = await startService(SECURED_TRANSACTIONS_SERVICE, {
      KAFKA_NAMESPACE: namespace,
      JUSTICE_REGISTRY_URL: `${simulators.baseUrl}/justice/v1`,
      RETRY_DELAYS_MS: '300,600,900',
      AGENCY_POLICY_OVERRIDES: JSON.stringify({
        'justice-registry': { volumeThreshold: 2, resetTimeoutMs: 500, timeoutMs: 500, retries: 0 },
      }),
    });
    probe = await EventProbe.listen(namespace, [Topics.ParcelCheckCompleted, Topics.HoldPlaced]);
  });
  afterAll(async () => {
    await probe?.close();
    await service?.close();
    await simulators?.stop();
  });
  afterEach(async () =>
    fetch(`${simulators.baseUrl}/admin/faults`, { method: 'DELETE', headers: await asOperator() }),
  );

  it('answers clear, mortgaged (with the mortgagee) and blocked (with the authority) from the registry', async () => {
    for (const [code, n] of [
      ['HS-CLEAR', 101],
      ['HS-MORTGAGED', 111],
      ['HS-BLOCKED', 121],
    ] as const) {
      await publishEvent(namespace, Topics.ParcelCheckRequested, code, {
        dossierCode: code,
        stage: 'RECEIPT',
        parcel: parcel(n),
        certificateSerial: 'AA12345678',
      });
    }
    const [clear] = await probe.waitFor(Topics.ParcelCheckCompleted, 'HS-CLEAR');
    const [mortgaged] = await probe.waitFor(Topics.ParcelCheckCompleted, 'HS-MORTGAGED');
    const [blocked] = await probe.waitFor(Topics.ParcelCheckCompleted, 'HS-BLOCKED');
    expect(clear.payload.result).toEqual({ status: 'CLEAR', asOf: expect.any(String) });
    expect(mortgaged.payload.result.status).toBe('MORTGAGED');
    expect(mortgaged.payload.result.mortgage?.mortgagee).toContain('Ngân hàng');
    expect(blocked.payload.result).toMatchObject({
      status: 'BLOCKED',
      hold: { documentNumber: '58/2025/QĐ-BPKCTT' },
    });
  });

  it('asks the registry again before registration, so a hold placed after receipt is seen', async () => {
    await publishEvent(namespace, Topics.ParcelCheckRequested, 'HS-LATE-HOLD', {
      dossierCode: 'HS-LATE-HOLD',
      stage: 'RECEIPT',
      parcel: parcel(103),
      certificateSerial: 'AA12345678',
    });
    const [onReceipt] = await probe.waitFor(Topics.ParcelCheckCompleted, 'HS-LATE-HOLD');
    expect(onReceipt.payload.result.status).toBe('CLEAR');
    const placed = await fetch(`${simulators.baseUrl}/admin/justice/holds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await asOperator()) },
      body: JSON.stringify({
        parcel: parcel(103),
        hold: {
          authority: 'Công an thành phố Hà Nội',
          documentNumber: '77/QĐ-CA',
          issuedOn: '2026-11-20',
          reason: 'Phong tỏa tài sản để điều tra',
        },
      }),
    });
    expect(placed.ok).toBe(true);
    await publishEvent(namespace, Topics.ParcelCheckRequested, 'HS-LATE-HOLD', {
      dossierCode: 'HS-LATE-HOLD',
      stage: 'PRE_REGISTRATION',
      parcel: parcel(103),
      certificateSerial: 'AA12345678',
    });
    const both = await probe.waitFor(Topics.ParcelCheckCompleted, 'HS-LATE-HOLD', 2);
    expect(both[1].payload).toMatchObject({
      stage: 'PRE_REGISTRATION',
      source: 'REGISTRY',
      result: { status: 'BLOCKED', hold: { documentNumber: '77/QĐ-CA' } },
    });
  });

  it('never refuses from a remembered answer: a hold lifted before the question is not applied', async () => {
    const hold = {
      authority: 'Tòa án nhân dân khu vực 1 – Hà Nội',
      documentNumber: '12/2026/QĐ-BPKCTT',
      issuedOn: '2026-11-20',
      reason: 'Cấm chuyển dịch để giải quyết tranh chấp',
    };
    const admin = { 'content-type': 'application/json', ...(await asOperator()) };
    const placed = await fetch(`${simulators.baseUrl}/admin/justice/holds`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ parcel: parcel(107), hold }),
    });
    expect(placed.ok).toBe(true);
    const ask = askOnReceipt(107);
    await ask('HS-LIFT-1');
    const [blocked] = await probe.waitFor(Topics.ParcelCheckCompleted, 'HS-LIFT-1');
    expect(blocked.payload.result.status).toBe('BLOCKED');
    const lifted = await fetch(`${simulators.baseUrl}/admin/justice/holds/00004/12/107`, {
      method: 'DELETE',
      headers: await asOperator(),
    });
    expect(lifted.ok).toBe(true);
    // Well inside the reuse window: the registry is asked again, and the parcel is clear.
    await ask('HS-LIFT-2');
    const [clear] = await probe.waitFor(Topics.ParcelCheckCompleted, 'HS-LIFT-2');
    expect(clear.payload).toMatchObject({ source: 'REGISTRY', result: { status: 'CLEAR' } });
    expect(Date.parse(clear.payload.checkedAt)).toBeGreaterThan(
      Date.parse(blocked.payload.checkedAt),
    );
  });

  it('reuses a recent clear answer on receipt, but not once the registry has pushed a hold on the parcel', async () => {
    const ask = askOnReceipt(108);
    await ask('HS-REUSE-1');
    await probe.waitFor(Topics.ParcelCheckCompleted, 'HS-REUSE-1');
    await ask('HS-REUSE-2');
    const [reused] = await probe.waitFor(Topics.ParcelCheckCompleted, 'HS-REUSE-2');
    expect(reused.payload).toMatchObject({ source: 'CACHE', result: { status: 'CLEAR' } });
    const hold = {
      authority: 'Chi cục Thi hành án dân sự',
      documentNumber: '88/QĐ-THA',
      issuedOn: '2026-11-21',
      reason: 'Kê biên tài sản để thi hành án',
    };
    // The registry records the hold and pushes it here, as its webhook does.
    const placed = await fetch(`${simulators.baseUrl}/admin/justice/holds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await asOperator()) },
      body: JSON.stringify({ parcel: parcel(108), hold }),
    });
    expect(placed.ok).toBe(true);
    const pushed = await pushHold(
      JSON.stringify({ parcel: parcel(108), hold, placedAt: new Date().toISOString() }),
    );
    expect(pushed.status).toBe(202);
    await probe.waitFor(Topics.HoldPlaced, '00004/12/108');
    await ask('HS-REUSE-3');
    const [fresh] = await probe.waitFor(Topics.ParcelCheckCompleted, 'HS-REUSE-3');
    expect(fresh.payload).toMatchObject({ source: 'REGISTRY', result: { status: 'BLOCKED' } });
  });

  it('answers as of the registry time, and never reuses a clear answer past a lift it was told of', async () => {
    const ask = askOnReceipt(110);
    await ask('HS-ASOF-1');
    const [first] = await probe.waitFor(Topics.ParcelCheckCompleted, 'HS-ASOF-1');
    const asOf = first.payload.result.asOf ?? '';
    expect(first.payload).toMatchObject({ source: 'REGISTRY', result: { status: 'CLEAR' } });
    expect(Date.parse(asOf)).toBeLessThanOrEqual(Date.parse(first.payload.checkedAt));
    await ask('HS-ASOF-2');
    const [reused] = await probe.waitFor(Topics.ParcelCheckCompleted, 'HS-ASOF-2');
    // A reused answer keeps the as-of time of the registry's answer it repeats.
    expect(reused.payload).toMatchObject({ source: 'CACHE', result: { status: 'CLEAR', asOf } });

    // The lift of an older hold reaches us before its placement did (pushes are not ordered).
    const placement = {
      parcel: parcel(110),
      hold: {
        authority: 'Chi cục Thi hành án dân sự',
        documentNumber: '89/QĐ-THA',
        issuedOn: '2026-11-21',
        reason: 'Kê biên tài sản để thi hành án',
      },
      placedAt: new Date(Date.parse(asOf) - 600_000).toISOString(),
    };
    const liftedAt = new Date().toISOString();
    expect((await pushHold(JSON.stringify({ ...placement, liftedAt }))).status).toBe(202);
    const [announced] = await probe.waitFor(Topics.HoldPlaced, '00004/12/110');
    expect(announced.payload).toMatchObject({ placedAt: placement.placedAt, liftedAt });
    await ask('HS-ASOF-3');
    const [fresh] = await probe.waitFor(Topics.ParcelCheckCompleted, 'HS-ASOF-3');
    expect(fresh.payload).toMatchObject({ source: 'REGISTRY', result: { status: 'CLEAR' } });
    expect(Date.parse(fresh.payload.result.asOf ?? '')).toBeGreaterThanOrEqual(
      Date.parse(liftedAt),
    );
    // Its placement, arriving last, announces nothing more.
    const late = await pushHold(JSON.stringify(placement));
    expect(await late.json()).toEqual({ accepted: false });
    await new Promise((r) => setTimeout(r, 1000));
    expect(probe.of(Topics.HoldPlaced, '00004/12/110')).toHaveLength(1);
  });

  it('keeps honouring a hold notice stored before notices carried their parcel key', async () => {
    const ask = askOnReceipt(115);
    await ask('HS-LEGACY-1');
    const [first] = await probe.waitFor(Topics.ParcelCheckCompleted, 'HS-LEGACY-1');
    // A clear answer: one a later check could reuse.
    expect(first.payload).toMatchObject({ source: 'REGISTRY', result: { status: 'CLEAR' } });
    // A lift recorded by an earlier version, as it stored notices: no parcelKey.
    const notices = service.app.get<Connection>(getConnectionToken()).collection('hold_notices');
    await notices.insertOne({
      _id: '00004/12/115:90/QĐ-THA' as unknown as mongo.ObjectId,
      parcel: parcel(115),
      hold: {
        authority: 'Chi cục Thi hành án dân sự',
        documentNumber: '90/QĐ-THA',
        issuedOn: '2026-11-21',
        reason: 'Kê biên tài sản để thi hành án',
      },
      placedAt: new Date(Date.now() - 600_000),
      liftedAt: new Date(),
      outbox: [],
      outboxRev: 0,
      outboxPending: false,
    });
    // The next start keys it before the service consumes anything.
    await service.app.get(HoldsService).onModuleInit();
    expect(await notices.findOne({ parcel: parcel(115) })).toMatchObject({
      parcelKey: '00004/12/115',
    });
    await ask('HS-LEGACY-2');
    const [fresh] = await probe.waitFor(Topics.ParcelCheckCompleted, 'HS-LEGACY-2');
    expect(fresh.payload).toMatchObject({ source: 'REGISTRY', result: { status: 'CLEAR' } });
  });

  it('waits out a registry outage instead of failing the check', async () => {
    await fetch(`${simulators.baseUrl}/admin/faults/justice-registry`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...(await asOperator()) },
      body: JSON.stringify({ outage: true }),
    });
    await publishEvent(namespace, Topics.ParcelCheckRequested, 'HS-OUTAGE', {
      dossierCode: 'HS-OUTAGE',
      stage: 'PRE_REGISTRATION',
      parcel: parcel(104),
      certificateSerial: 'AA12345678',
    });
    await new Promise((r) => setTimeout(r, 2500));
    expect(probe.of(Topics.ParcelCheckCompleted, 'HS-OUTAGE')).toHaveLength(0);
    const health = (await (await fetch(`${service.baseUrl}/health`)).json()) as {
      checks: { agencies: { breakers: Record<string, { failures: number }> } };
    };
    expect(health.checks.agencies.breakers['justice-registry'].failures).toBeGreaterThan(0);
    await fetch(`${simulators.baseUrl}/admin/faults`, {
      method: 'DELETE',
      headers: await asOperator(),
    });
    const [answered] = await probe.waitFor(Topics.ParcelCheckCompleted, 'HS-OUTAGE', 1, 30_000);
    expect(answered.payload.result.status).toBe('CLEAR');
    const letters = await (
      await fetch(`${service.baseUrl}/admin/dead-letters?status=all`, {
        headers: await asOperator(),
      })
    ).json();
    expect(letters).toEqual([]);
    const metrics = await (await fetch(`${service.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/agency_breaker_state\{agency="justice-registry"\} [012]/);
  });

  it('turns a hold pushed by the registry into one HoldPlaced event, however often it is pushed', async () => {
    const placement = {
      parcel: parcel(105),
      hold: {
        authority: 'Tòa án nhân dân khu vực 1 – Hà Nội',
        documentNumber: '90/2026/QĐ-BPKCTT',
        issuedOn: '2026-11-20',
        reason: 'Cấm chuyển dịch',
      },
      placedAt: new Date().toISOString(),
    };
    for (let i = 0; i < 2; i++) {
      const res = await pushHold(JSON.stringify(placement));
      expect(res.status).toBe(202);
    }
    const [placed] = await probe.waitFor(Topics.HoldPlaced, '00004/12/105');
    expect(placed.payload.hold.documentNumber).toBe('90/2026/QĐ-BPKCTT');
    await new Promise((r) => setTimeout(r, 1000));
    expect(probe.of(Topics.HoldPlaced, '00004/12/105')).toHaveLength(1);
  });

  it('refuses a hold push that is unsigned, signed with another secret, altered or stale (401), and stores nothing', async () => {
    const placement = JSON.stringify({
      parcel: parcel(106),
      hold: {
        authority: 'Kẻ giả mạo',
        documentNumber: '1/GIA-MAO',
        issuedOn: '2026-11-20',
        reason: 'Tin nhắn của kẻ tấn công',
      },
      placedAt: new Date().toISOString(),
    });
    const secret = testInfra().envFor('secured-transactions').JUSTICE_WEBHOOK_SECRET;
    const attempts = {
      unsigned: await pushHold(placement, null),
      wrongSecret: await pushHold(
        placement,
        signWebhook('not-the-justice-secret-at-all!!', placement),
      ),
      altered: await pushHold(
        placement.replace('1/GIA-MAO', '2/GIA-MAO'),
        signWebhook(secret, placement),
      ),
      stale: await pushHold(placement, signWebhook(secret, placement, Date.now() - 3_600_000)),
    };
    for (const res of Object.values(attempts)) {
      expect(res.status).toBe(401);
      expect(((await res.json()) as { code: string }).code).toBe('WEBHOOK.SIGNATURE_INVALID');
    }
    await new Promise((r) => setTimeout(r, 1000));
    expect(probe.of(Topics.HoldPlaced, '00004/12/106')).toHaveLength(0);
  });

  it('answers a hold push or a parcel check without its nested objects with 400 and a Vietnamese message per field', async () => {
    const hold = {
      authority: 'Tòa án nhân dân khu vực 1 – Hà Nội',
      documentNumber: '91/2026/QĐ-BPKCTT',
      issuedOn: '2026-11-20',
      reason: 'Cấm chuyển dịch',
    };
    const placedAt = new Date().toISOString();
    const pushes: [Record<string, unknown>, string][] = [
      [{ hold, placedAt }, 'parcel'],
      [{ parcel: null, hold, placedAt }, 'parcel'],
      [{ parcel: '00004/12/109', hold, placedAt }, 'parcel'],
      [{ parcel: parcel(109), placedAt }, 'hold'],
      [{ parcel: parcel(109), hold: [hold], placedAt }, 'hold'],
    ];
    const checks: [Record<string, unknown>, string][] = [
      [{ certificateSerial: 'CS12000109' }, 'parcel'],
      [{ parcel: null, certificateSerial: 'CS12000109' }, 'parcel'],
    ];
    const answers = [
      ...(await Promise.all(
        pushes.map(async ([body, field]) => ({ res: await pushHold(JSON.stringify(body)), field })),
      )),
      ...(await Promise.all(
        checks.map(async ([body, field]) => ({
          res: await fetch(`${simulators.baseUrl}/justice/v1/parcel-checks`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }),
          field,
        })),
      )),
    ];
    for (const { res, field } of answers) {
      const body = (await res.json()) as {
        code: string;
        errors?: { field: string; message: string }[];
      };
      expect({ status: res.status, code: body.code }).toEqual({
        status: 400,
        code: 'VALIDATION.FAILED',
      });
      expect(body.errors?.find((e) => e.field === field)?.message).toMatch(/[ảộđốệ]/);
    }
    await new Promise((r) => setTimeout(r, 1000));
    expect(probe.of(Topics.HoldPlaced, '00004/12/109')).toHaveLength(0);
  });

  /** POSTs a hold as the Justice registry would: signed with its secret unless told otherwise. */
  async function pushHold(body: string, signature?: string | null) {
    const secret = testInfra().envFor('secured-transactions').JUSTICE_WEBHOOK_SECRET;
    const sig = signature === undefined ? signWebhook(secret, body) : signature;
    return fetch(`${service.baseUrl}/justice/holds`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(sig ? { 'x-lien-thong-signature': sig } : {}),
      },
      body,
    });
  }
});
