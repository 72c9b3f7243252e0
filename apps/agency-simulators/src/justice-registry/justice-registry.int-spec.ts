import {
  AgencyErrorBody,
  HoldPlacement,
  JUSTICE_REGISTRY_API,
  ParcelCheckResponse,
  ParcelRef,
  SIMULATOR_ADMIN_API,
} from '@lien-thong/agency-contracts';
import {
  RunningService,
  SAMPLE_USERS,
  authAs,
  eventually,
  startService,
  testInfra,
} from '@lien-thong/testing';
import { webhookSignatureProblem } from '@lien-thong/platform';
import { AgencySimulatorsConfig } from '../config/agency-simulators.config';
import { AGENCY_SIMULATORS_SERVICE } from '../service';
import { startHttpReceiver } from '../test-support/http-receiver';
import { jsonClient } from '../test-support/json-client';

const CHECKS = `${JUSTICE_REGISTRY_API.simulatorMount}${JUSTICE_REGISTRY_API.parcelChecks}`;
const baDinh = (parcelNumber: number): ParcelRef => ({
  communeCode: '00004',
  mapSheetNumber: 12,
  parcelNumber,
});
const newHold = (documentNumber: string) => ({
  authority: 'Công an thành phố Hà Nội',
  documentNumber,
  issuedOn: '2026-07-02',
  reason: 'Tạm dừng giao dịch để phục vụ điều tra',
});

describe('Justice registry simulator', () => {
  let simulators: RunningService<AgencySimulatorsConfig>;
  let webhook: Awaited<ReturnType<typeof startHttpReceiver>>;
  let api: ReturnType<typeof jsonClient>;
  const check = (parcel: ParcelRef) =>
    api.post<ParcelCheckResponse>(CHECKS, { parcel, certificateSerial: 'AA12345678' });

  beforeAll(async () => {
    webhook = await startHttpReceiver();
    simulators = await startService(AGENCY_SIMULATORS_SERVICE, {
      JUSTICE_HOLD_WEBHOOK_URL: `${webhook.url}/holds`,
    });
    api = jsonClient(simulators.baseUrl, await authAs(SAMPLE_USERS.operator));
  });
  afterAll(async () => {
    await simulators?.close();
    await webhook?.close();
  });

  it('answers the seeded status of each kind of parcel, with its details', async () => {
    const clear = await check(baDinh(101));
    expect(clear.status).toBe(200);
    expect(clear.body).toEqual({
      parcel: baDinh(101),
      certificateSerial: 'AA12345678',
      status: 'CLEAR',
      checkedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(Date.parse(clear.body.asOf ?? '')).toBeLessThanOrEqual(Date.parse(clear.body.checkedAt));

    const mortgaged = await check(baDinh(111));
    expect(mortgaged.body).toMatchObject({
      status: 'MORTGAGED',
      mortgage: { registrationNumber: 'DKTC-HN-2023-004711', registeredOn: '2023-05-15' },
    });
    expect(mortgaged.body.mortgage?.mortgagee).toContain('Ngân hàng TMCP Ngoại thương');

    expect((await check(baDinh(121))).body).toMatchObject({
      status: 'BLOCKED',
      hold: { documentNumber: '58/2025/QĐ-BPKCTT', issuedOn: '2025-11-03' },
    });
    expect((await check(baDinh(131))).body).toMatchObject({
      status: 'DISPUTED',
      dispute: { filedOn: '2026-03-02' },
    });
    // Mortgaged and seized: the hold decides, both are reported.
    const both = (await check(baDinh(140))).body;
    expect(both.status).toBe('BLOCKED');
    expect(both.mortgage).toBeDefined();
    expect(both.hold).toBeDefined();
  });

  it('refuses a malformed check with 400 and the offending fields', async () => {
    const answer = await api.post<AgencyErrorBody>(CHECKS, {
      parcel: { communeCode: '4', mapSheetNumber: 12, parcelNumber: 0 },
      certificateSerial: 'A1',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION.FAILED');
    expect(answer.body.errors?.map((e) => e.field).sort()).toEqual([
      'certificateSerial',
      'parcel.communeCode',
      'parcel.parcelNumber',
    ]);
  });

  it('blocks a clear parcel once a hold arrives mid-process, tells the webhook once, and clears when lifted', async () => {
    const parcel = baDinh(105);
    expect((await check(parcel)).body.status).toBe('CLEAR');

    const placed = await api.post<HoldPlacement>(SIMULATOR_ADMIN_API.justiceHolds, {
      parcel,
      hold: newHold('301/QĐ-CSĐT'),
    });
    expect(placed.status).toBe(201);
    expect((await check(parcel)).body).toMatchObject({
      status: 'BLOCKED',
      hold: newHold('301/QĐ-CSĐT'),
    });
    await eventually(() => (webhook.requests.length > 0 ? true : undefined), 5000, 'webhook');
    expect(webhook.requests[0]).toMatchObject({
      method: 'POST',
      path: '/holds',
      body: { parcel, hold: newHold('301/QĐ-CSĐT'), placedAt: placed.body.placedAt },
    });
    // Signed as the real registry signs its pushes, with the secret the receiver knows.
    const { raw, signature } = webhook.requests[0];
    const secret = testInfra().envFor('secured-transactions').JUSTICE_WEBHOOK_SECRET;
    expect(webhookSignatureProblem(secret, signature, raw)).toBeNull();

    // The same hold again: same placement, no second webhook.
    const again = await api.post<HoldPlacement>(SIMULATOR_ADMIN_API.justiceHolds, {
      parcel,
      hold: newHold('301/QĐ-CSĐT'),
    });
    expect(again.body).toEqual(placed.body);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(webhook.requests).toHaveLength(1);

    expect((await api.delete(SIMULATOR_ADMIN_API.justiceParcelHolds(parcel))).status).toBe(204);
    const cleared = (await check(parcel)).body;
    expect(cleared.status).toBe('CLEAR');
    // The lift is pushed too, signed, with both times on the registry's clock, before asOf.
    const lift = await eventually(
      () => webhook.requests.find((r) => (r.body as { liftedAt?: string }).liftedAt),
      5000,
      'lift webhook',
    );
    expect(lift).toMatchObject({
      path: '/holds',
      body: {
        parcel,
        hold: newHold('301/QĐ-CSĐT'),
        placedAt: placed.body.placedAt,
        liftedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      },
    });
    expect(webhookSignatureProblem(secret, lift.signature, lift.raw)).toBeNull();
    const { liftedAt } = lift.body as { liftedAt: string };
    expect(Date.parse(liftedAt)).toBeLessThanOrEqual(Date.parse(cleared.asOf ?? ''));
    const none = await api.delete<AgencyErrorBody>(SIMULATOR_ADMIN_API.justiceParcelHolds(parcel));
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('JUSTICE.HOLD_NOT_FOUND');
    // A lifted decision is finished: placing it again is refused, a new number is needed.
    const replaced = await api.post<AgencyErrorBody>(SIMULATOR_ADMIN_API.justiceHolds, {
      parcel,
      hold: newHold('301/QĐ-CSĐT'),
    });
    expect(replaced).toMatchObject({ status: 409, body: { code: 'JUSTICE.HOLD_ALREADY_LIFTED' } });
  });

  it('places a hold once when the same placement races, and tells the webhook once', async () => {
    const parcel = baDinh(107);
    const placements = () =>
      webhook.requests.filter((r) => !(r.body as { liftedAt?: string }).liftedAt).length;
    const before = placements();
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() =>
        api.post<HoldPlacement>(SIMULATOR_ADMIN_API.justiceHolds, {
          parcel,
          hold: newHold('5/QĐ-CSĐT'),
        }),
      ),
    );
    expect(new Set(answers.map((a) => a.body.placedAt)).size).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(placements() - before).toBe(1);
  });

  it('reports the newest of several holds and lifts seeded holds too', async () => {
    const parcel = baDinh(122);
    await api.post(SIMULATOR_ADMIN_API.justiceHolds, { parcel, hold: newHold('77/QĐ-CSĐT') });
    expect((await check(parcel)).body.hold?.documentNumber).toBe('77/QĐ-CSĐT');
    await api.delete(SIMULATOR_ADMIN_API.justiceParcelHolds(parcel));
    expect((await check(parcel)).body.status).toBe('CLEAR');
  });

  it('keeps a lifted seeded hold lifted and a placed hold placed across a restart', async () => {
    const placedParcel = baDinh(106);
    await api.post(SIMULATOR_ADMIN_API.justiceHolds, {
      parcel: placedParcel,
      hold: newHold('9/QĐ-CSĐT'),
    });
    await api.delete(SIMULATOR_ADMIN_API.justiceParcelHolds(baDinh(121)));
    await simulators.close();
    simulators = await startService(AGENCY_SIMULATORS_SERVICE, {
      MONGO_DB: simulators.config.MONGO_DB,
    });
    api = jsonClient(simulators.baseUrl, await authAs(SAMPLE_USERS.operator));
    expect((await check(baDinh(121))).body.status).toBe('CLEAR');
    expect((await check(placedParcel)).body.status).toBe('BLOCKED');
    expect((await check(baDinh(111))).body.status).toBe('MORTGAGED');
  });
});
