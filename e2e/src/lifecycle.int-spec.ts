import { authAs, eventually, SAMPLE_USERS as U, Stack, startStack } from '@lien-thong/testing';

jest.setTimeout(300_000);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * What becomes of the money and the paperwork when people change their minds, through the
 * public API as the sample users: a refusal after payment is refunded, a withdrawal voids the
 * tax notices and cancels the payment order, a supplement asked for while tax assesses ends
 * with one notice to pay, the corrected one.
 */
describe('no one is charged for a dossier that does not go on', () => {
  let stack: Stack;

  async function call(method: string, url: string, as?: string, body?: unknown) {
    const res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', ...(as ? await authAs(as) : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Json };
  }
  const lr = (path: string) => `${stack.url['land-registry']}${path}`;
  const sim = (path: string) => `${stack.url['agency-simulators']}${path}`;

  beforeAll(async () => {
    stack = await startStack({ common: { RETRY_DELAYS_MS: '500,2000,5000' } });
  });
  afterAll(() => stack?.stop());

  async function submit(parcelNumber: number): Promise<string> {
    const parcel = (await call('GET', lr(`/parcels/00004/12/${parcelNumber}`), U.counterBaDinh))
      .body;
    const answer = await call('POST', lr('/dossiers/transfers'), U.counterBaDinh, {
      channel: 'COUNTER',
      resultDelivery: 'COUNTER',
      parcel: parcel.ref,
      certificateSerial: parcel.certificate.serial,
      transferKind: 'SALE',
      contractDate: '2026-11-16',
      declaredPriceVnd: 3_000_000_000,
      sellers: (parcel.owners as Json[]).map((o) => ({
        fullName: o.fullName,
        citizenId: o.citizenId,
        address: o.address,
        relationshipToBuyer: 'NONE',
        ownsOtherResidentialProperty: true,
      })),
      buyers: [
        {
          fullName: 'Phạm Minh Khang',
          citizenId: '001092011223',
          address: 'Số 5 phố Kim Mã, Phường Ba Đình, Thành phố Hà Nội',
        },
      ],
      applicant: { fullName: 'Phạm Minh Khang', phone: '0912345678' },
    });
    expect(answer.status).toBe(201);
    return answer.body.dossierCode as string;
  }

  const view = async (code: string) =>
    (await call('GET', lr(`/dossiers/${code}`), U.counterBaDinh)).body;
  const reach = (code: string, ok: (v: Json) => boolean, what: string) =>
    eventually(async () => ((v) => (ok(v) ? v : undefined))(await view(code)), 120_000, what);
  const steps = (v: Json) => (v.timeline as Json[]).map((t) => t.step as string);
  const order = async (orderId: string) =>
    (await call('GET', sim(`/payments/v1/orders/${encodeURIComponent(orderId)}`))).body;

  it('refunds a citizen whose paid dossier the land office refuses, and tells them', async () => {
    const code = await submit(106);
    const waiting = await reach(code, (v) => v.status === 'WAITING_FOR_PAYMENT', 'the notice');
    const orderId = waiting.assessment.assessmentId as string;
    const paid = await call(
      'POST',
      sim(`/admin/payments/orders/${encodeURIComponent(orderId)}/pay`),
      U.operator,
      {},
    );
    expect(paid.status).toBe(200);
    await reach(code, (v) => v.status === 'IN_REVIEW', 'the review queue');
    await call('POST', lr(`/dossiers/${code}/review/claim`), U.landOfficerBaDinh);
    const refused = await call('POST', lr(`/dossiers/${code}/refusal`), U.landOfficerBaDinh, {
      reasonVi: 'Hợp đồng chuyển nhượng không đúng quy định về hình thức',
    });
    expect(refused.body).toMatchObject({ status: 'REFUSED' });
    const refunded = await reach(
      code,
      (v) => steps(v).includes('PAYMENT_REFUNDED'),
      'the refund on the timeline',
    );
    const entry = (refunded.timeline as Json[]).find((t) => t.step === 'PAYMENT_REFUNDED');
    expect(entry?.noteVi).toContain(
      `Đã hoàn trả ${(waiting.assessment.totalVnd as number).toLocaleString('vi-VN')} đồng`,
    );
    expect(await order(orderId)).toMatchObject({ status: 'REFUNDED' });
    await eventually(
      async () => {
        const v = await view(code);
        return (v.notifications as Json[]).some((n) => n.template === 'PAYMENT_REFUNDED')
          ? v
          : undefined;
      },
      60_000,
      'the citizen told of the refund',
    );
  });

  it('voids the notices and cancels the order of a dossier its applicant withdraws', async () => {
    const code = await submit(107);
    const waiting = await reach(code, (v) => v.status === 'WAITING_FOR_PAYMENT', 'the notice');
    const orderId = waiting.assessment.assessmentId as string;
    const withdrawn = await call('POST', lr(`/dossiers/${code}/withdrawal`), U.counterBaDinh, {
      reasonVi: 'Người nộp hồ sơ có đơn xin rút hồ sơ',
    });
    expect(withdrawn.body).toMatchObject({
      status: 'WITHDRAWN',
      withdrawal: { by: 'COUNTER_OFFICER' },
    });
    await reach(code, (v) => steps(v).includes('OBLIGATIONS_CANCELLED'), 'the notices voided');
    expect(await order(orderId)).toMatchObject({ status: 'CANCELLED' });
    // Paying a cancelled order is refused by the gateway: nobody is charged.
    const late = await call(
      'POST',
      sim(`/admin/payments/orders/${encodeURIComponent(orderId)}/pay`),
      U.operator,
      {},
    );
    expect(late.status).toBeGreaterThanOrEqual(400);
    // Withdrawn is final: no second withdrawal, no registration.
    const again = await call('POST', lr(`/dossiers/${code}/withdrawal`), U.counterBaDinh, {
      reasonVi: 'Người nộp hồ sơ có đơn xin rút hồ sơ',
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'DOSSIER.INVALID_STATE' } });
  });

  it('goes on with the corrected slip when a supplement is asked for while tax assesses: no loop', async () => {
    // e-tax is down, so the first slip is still being assessed when the counter asks for more.
    const faults = (body: Json) => call('PUT', sim('/admin/faults/e-tax'), U.operator, body);
    expect((await faults({ outage: true })).status).toBe(200);
    const code = await submit(109);
    await reach(code, (v) => v.status === 'WAITING_FOR_TAX', 'the slip sent to tax');
    const asked = await call('POST', lr(`/dossiers/${code}/supplement-requests`), U.counterBaDinh, {
      reasonVi: 'Giá ghi trên hợp đồng không khớp với tờ khai',
    });
    expect(asked.status).toBe(200);
    // Only the price is corrected: every other term stays as it was received.
    const supplemented = await call('POST', lr(`/dossiers/${code}/supplements`), U.counterBaDinh, {
      declaredPriceVnd: 7_000_000_000,
    });
    expect(supplemented.body).toMatchObject({
      status: 'WAITING_FOR_TAX',
      transfer: { declaredPriceVnd: 7_000_000_000, contractDate: '2026-11-16' },
    });
    expect((await faults({ outage: false })).status).toBe(200);
    const waiting = await reach(code, (v) => v.status === 'WAITING_FOR_PAYMENT', 'the new notice');
    // The notice that stands is the corrected slip's: 2 % + 0.5 % of 7,000,000,000.
    expect(waiting.assessment).toMatchObject({ totalVnd: 175_000_000 });
    const tax = (
      await call('GET', `${stack.url['tax-obligation']}/assessments/${code}`, U.taxHaNoi)
    ).body;
    expect(tax).toMatchObject({ slipRevision: 2, status: 'ASSESSED' });
    // The notice that stands is paid once and the dossier goes on to the land office.
    const orderId = waiting.assessment.assessmentId as string;
    const paid = await call(
      'POST',
      sim(`/admin/payments/orders/${encodeURIComponent(orderId)}/pay`),
      U.operator,
      {},
    );
    expect(paid.status).toBe(200);
    await reach(code, (v) => v.status === 'IN_REVIEW', 'the review queue');
  });
});
