import { signWebhook, SIGNATURE_HEADER } from '@lien-thong/platform';
import {
  authAs,
  eventually,
  SAMPLE_USERS as U,
  Stack,
  startStack,
  testInfra,
} from '@lien-thong/testing';

jest.setTimeout(300_000);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Encumbrance answers are point-in-time answers (issue 14, item 4): a hold lifted before a
 * dossier is received never refuses it, even when news of the hold reaches us late; a hold
 * placed while a dossier is in flight always stops it. Through the public API as the sample
 * users, the Justice registry played by the simulator.
 */
describe('holds as of the registry time', () => {
  let stack: Stack;
  const parcel = { communeCode: '00004', mapSheetNumber: 12, parcelNumber: 108 };
  const PARCEL_PATH = '00004/12/108';

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
  const hold = (documentNumber: string) => ({
    authority: 'Cơ quan Cảnh sát điều tra Công an Thành phố Hà Nội',
    documentNumber,
    issuedOn: '2026-11-20',
    reason: 'Tạm dừng giao dịch để phục vụ điều tra',
  });

  beforeAll(async () => {
    stack = await startStack({ common: { RETRY_DELAYS_MS: '500,2000,5000' } });
  });
  afterAll(() => stack?.stop());

  async function submit(): Promise<string> {
    const found = (await call('GET', lr(`/parcels/${PARCEL_PATH}`), U.counterBaDinh)).body;
    const answer = await call('POST', lr('/dossiers/transfers'), U.counterBaDinh, {
      channel: 'COUNTER',
      resultDelivery: 'COUNTER',
      parcel: found.ref,
      certificateSerial: found.certificate.serial,
      transferKind: 'SALE',
      contractDate: '2026-11-16',
      declaredPriceVnd: 2_000_000_000,
      sellers: (found.owners as Json[]).map((o) => ({
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
  const reach = (code: string, statuses: string[]) =>
    eventually(
      async () =>
        ((v) => (statuses.includes(v.status as string) ? v : undefined))(await view(code)),
      120_000,
      `${code} ${statuses.join(' or ')}`,
    );
  const placeHold = async (documentNumber: string) => {
    const placed = await call('POST', sim('/admin/justice/holds'), U.operator, {
      parcel,
      hold: hold(documentNumber),
    });
    expect(placed.status).toBe(201);
  };

  it('refuses on a hold placed while the dossier waits for payment, and not on one lifted before receipt, however late its news', async () => {
    // A first dossier is checked clear (an answer the check on receipt may reuse), then a
    // hold placed while it waits for payment stops it.
    const first = await submit();
    await reach(first, ['WAITING_FOR_PAYMENT']);
    await placeHold('301/QĐ-CSĐT');
    expect(await reach(first, ['REFUSED'])).toMatchObject({
      refusal: { code: 'PARCEL.BLOCKED', reasonVi: expect.stringContaining('301/QĐ-CSĐT') },
    });

    // Checked while the hold is in force: the remembered clear answer is not reused past it.
    const second = await submit();
    expect(await reach(second, ['REFUSED', 'WAITING_FOR_PAYMENT'])).toMatchObject({
      status: 'REFUSED',
      refusal: { code: 'PARCEL.BLOCKED', reasonVi: expect.stringContaining('301/QĐ-CSĐT') },
    });

    // Lifted; a dossier received a moment later goes on to tax and payment.
    const lifted = await call('DELETE', sim(`/admin/justice/holds/${PARCEL_PATH}`), U.operator);
    expect(lifted.status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const third = await submit();
    const waiting = await reach(third, ['WAITING_FOR_PAYMENT', 'REFUSED']);
    expect(waiting.status).toBe('WAITING_FOR_PAYMENT');

    // Late news from the registry of an older hold, placed and lifted before that receipt
    // (its lift reached us first): it does not stop the dossier.
    const receivedAt = Date.parse(waiting.receivedAt as string);
    const stale = JSON.stringify({
      parcel,
      hold: hold('12/2026/QĐ-BPKCTT'),
      placedAt: new Date(receivedAt - 60_000).toISOString(),
      liftedAt: new Date(receivedAt - 30_000).toISOString(),
    });
    const secret = testInfra().envFor('secured-transactions').JUSTICE_WEBHOOK_SECRET;
    const pushed = await fetch(`${stack.url['secured-transactions']}/justice/holds`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signWebhook(secret, stale),
      },
      body: stale,
    });
    expect(pushed.status).toBe(202);

    // A hold placed now still stops it; its news travels after the stale one (same parcel,
    // same partition), so the refusal citing it shows the stale one was not applied.
    await placeHold('302/QĐ-CSĐT');
    expect(await reach(third, ['REFUSED'])).toMatchObject({
      refusal: { code: 'PARCEL.BLOCKED', reasonVi: expect.stringContaining('302/QĐ-CSĐT') },
    });
  });
});
