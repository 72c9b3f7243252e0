import {
  authAs,
  eventually,
  reviewAndApprove,
  SAMPLE_USERS as U,
  Stack,
  startStack,
} from '@lien-thong/testing';

jest.setTimeout(300_000);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * What registration does to the cadastral book: the owners before are kept in the parcel's
 * history; a transfer of part of the area, or of more than the seller owns, is refused at the
 * counter. (How the shares move, co-owners who do not sell included: ownership.spec.ts.)
 */
describe('ownership changes are exact', () => {
  let stack: Stack;

  async function call(method: string, url: string, as: string, body?: unknown) {
    const res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', ...(await authAs(as)) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Json };
  }
  const lr = (path: string) => `${stack.url['land-registry']}${path}`;

  beforeAll(async () => {
    stack = await startStack({ common: { RETRY_DELAYS_MS: '500,2000,5000' } });
  });
  afterAll(() => stack?.stop());

  /** A sale of parcel 00004/12/105 by its first co-owner (with `sellerShare`), or by both. */
  async function request(sellerShare: [number, number] | 'both', overrides: Json = {}) {
    const parcel = (await call('GET', lr('/parcels/00004/12/105'), U.counterBaDinh)).body;
    const owners = parcel.owners as Json[];
    const seller = (o: Json, share?: [number, number]) => ({
      fullName: o.fullName,
      citizenId: o.citizenId,
      address: o.address,
      relationshipToBuyer: 'NONE',
      ownsOtherResidentialProperty: true,
      ...(share ? { shareNumerator: share[0], shareDenominator: share[1] } : {}),
    });
    return {
      channel: 'COUNTER',
      resultDelivery: 'COUNTER',
      parcel: parcel.ref,
      certificateSerial: parcel.certificate.serial,
      transferKind: 'SALE',
      contractDate: '2026-11-16',
      declaredPriceVnd: 2_000_000_000,
      sellers:
        sellerShare === 'both' ? owners.map((o) => seller(o)) : [seller(owners[0], sellerShare)],
      buyers: [
        {
          fullName: 'Phạm Minh Khang',
          citizenId: '001092011223',
          address: 'Số 5 phố Kim Mã, Phường Ba Đình, Thành phố Hà Nội',
        },
      ],
      applicant: { fullName: 'Phạm Minh Khang', phone: '0912345678' },
      ...overrides,
    };
  }

  it('refuses at the counter a transfer of part of the area, or of more than the seller owns, and stores nothing', async () => {
    const part = await call(
      'POST',
      lr('/dossiers/transfers'),
      U.counterBaDinh,
      await request([1, 2], { transfersWhole: false }),
    );
    expect(part.status).toBe(422);
    expect(part.body.errors).toEqual([
      expect.objectContaining({ field: 'transfersWhole', code: 'TRANSFER.PART_OF_PARCEL' }),
    ]);
    const more = await call(
      'POST',
      lr('/dossiers/transfers'),
      U.counterBaDinh,
      await request([3, 4]),
    );
    expect(more.status).toBe(422);
    expect(more.body.errors).toEqual([
      expect.objectContaining({
        field: 'sellers.0.shareNumerator',
        code: 'SELLER.SHARE_EXCEEDS_OWNED',
      }),
    ]);
    const backlog = (await call('GET', lr('/backlog'), U.counterBaDinh)).body;
    expect(Object.values(backlog.byStatus as Record<string, number>)).toEqual([]);
  });

  it('registers two co-owners’ halves to one buyer, keeping both former owners and the certificate in the history', async () => {
    const before = (await call('GET', lr('/parcels/00004/12/105'), U.counterBaDinh)).body;
    const [first, second] = before.owners as Json[];
    const submitted = await call(
      'POST',
      lr('/dossiers/transfers'),
      U.counterBaDinh,
      await request('both'),
    );
    expect(submitted.status).toBe(201);
    const code = submitted.body.dossierCode as string;
    const waiting = await eventually(
      async () => {
        const v = (await call('GET', lr(`/dossiers/${code}`), U.counterBaDinh)).body;
        return v.status === 'WAITING_FOR_PAYMENT' ? v : undefined;
      },
      120_000,
      'the tax notice',
    );
    const orderId = encodeURIComponent(waiting.assessment.assessmentId as string);
    const paid = await call(
      'POST',
      `${stack.url['agency-simulators']}/admin/payments/orders/${orderId}/pay`,
      U.operator,
      {},
    );
    expect(paid.status).toBe(200);
    // Paid: nothing changes in the book until the land office has reviewed and approved.
    await eventually(
      async () => {
        const v = (await call('GET', lr(`/dossiers/${code}`), U.counterBaDinh)).body;
        return v.status === 'IN_REVIEW' ? v : undefined;
      },
      120_000,
      'the review queue',
    );
    const queue = (await call('GET', lr('/review-queue'), U.landOfficerBaDinh)).body as Json[];
    expect(queue).toContainEqual(expect.objectContaining({ dossierCode: code, assignee: null }));
    expect((await call('GET', lr('/parcels/00004/12/105'), U.counterBaDinh)).body.owners).toEqual(
      before.owners,
    );
    const step = async (path: string, as: string, body?: Json) => {
      const r = await call('POST', lr(`/dossiers/${code}/${path}`), as, body);
      expect({ path, status: r.status, body: r.body }).toMatchObject({ path, status: 200 });
      // The answer to a step is worked out from the write, not read back: it must be what
      // reopening the dossier shows (not after the approval, which the registry's answer
      // may already have overtaken).
      if (path !== 'approval') {
        const {
          notifications: _n,
          notificationsIncomplete: _i,
          ...reopened
        } = (await call('GET', lr(`/dossiers/${code}`), as)).body;
        const { notifications: _m, notificationsIncomplete: _j, ...answered } = r.body;
        expect({ path, view: answered }).toEqual({ path, view: reopened });
      }
      return r.body;
    };
    await step('review/claim', U.landOfficerBaDinh);
    // Another officer of the unit cannot take it over; the leader could reassign it.
    const taken = await call('POST', lr(`/dossiers/${code}/review/claim`), U.landOfficerHaNoi);
    expect(taken).toMatchObject({ status: 409, body: { code: 'REVIEW.HELD_BY_ANOTHER' } });
    await step('review/proposal', U.landOfficerBaDinh, { opinionVi: 'Hồ sơ hợp lệ' });
    const sentBack = await step('review/send-back', U.leaderHaNoi, {
      reasonVi: 'Cần đối chiếu lại trích lục bản đồ địa chính',
    });
    expect(sentBack).toMatchObject({
      status: 'IN_REVIEW',
      assignee: { username: U.landOfficerBaDinh },
    });
    await step('review/proposal', U.landOfficerBaDinh, { opinionVi: 'Đã đối chiếu, đủ điều kiện' });
    const approved = await step('approval', U.leaderHaNoi);
    expect(approved).toMatchObject({
      // Approved: the registry is asked once more, just before registration.
      status: 'RECHECKING_HOLDS',
      approval: { by: { username: U.leaderHaNoi } },
      certificateOutcome: {
        choice: 'NEW_CERTIFICATE',
        serial: expect.stringMatching(/^DD01\d{6}$/),
      },
    });
    const registered = await eventually(
      async () => {
        const v = (await call('GET', lr(`/dossiers/${code}`), U.counterBaDinh)).body;
        return v.status === 'RESULT_READY' ? v : undefined;
      },
      60_000,
      'the registration',
    );
    expect((registered.timeline as Json[]).map((t) => t.step)).toEqual(
      expect.arrayContaining([
        'QUEUED_FOR_REVIEW',
        'REVIEW_CLAIMED',
        'PROPOSED',
        'SENT_BACK',
        'APPROVED',
        'HOLDS_RECHECKED',
        'REGISTERED',
      ]),
    );
    // The citizen tracking with the receipt learns the new certificate's serial.
    const tracking = await fetch(
      lr(`/tracking/${code}?secret=${submitted.body.trackingSecret as string}`),
    );
    expect(((await tracking.json()) as Json).certificateVi).toBe(
      `Giấy chứng nhận mới số ${registered.certificateOutcome.serial as string}`,
    );
    // The cadastral book follows the registered dossier.
    const after = await eventually(
      async () => {
        const p = (await call('GET', lr('/parcels/00004/12/105'), U.counterBaDinh)).body;
        return p.certificate.serial === registered.certificateOutcome.serial ? p : undefined;
      },
      30_000,
      'the cadastral book',
    );
    const shares = (owners: Json[]) =>
      Object.fromEntries(
        owners.map((o) => [o.citizenId, `${o.shareNumerator}/${o.shareDenominator}`]),
      );
    expect(shares(after.owners)).toEqual({ '001092011223': '1/1' });
    expect(after.certificate).toMatchObject({ serial: registered.certificateOutcome.serial });
    expect(after.ownerHistory).toEqual([
      expect.objectContaining({
        changedByDossier: code,
        certificate: before.certificate,
        owners: [
          expect.objectContaining({ citizenId: first.citizenId, shareNumerator: 1 }),
          expect.objectContaining({ citizenId: second.citizenId, shareNumerator: 1 }),
        ],
      }),
    ]);
  });

  it('registers a co-owner selling only her half: the other co-owner keeps his half, the buyer gets hers', async () => {
    const before = (await call('GET', lr('/parcels/00004/12/106'), U.counterBaDinh)).body;
    const [seller, keeper] = before.owners as Json[];
    const submitted = await call('POST', lr('/dossiers/transfers'), U.counterBaDinh, {
      channel: 'COUNTER',
      resultDelivery: 'COUNTER',
      certificateChoice: 'ANNOTATE',
      parcel: before.ref,
      certificateSerial: before.certificate.serial,
      transferKind: 'SALE',
      contractDate: '2026-11-16',
      declaredPriceVnd: 1_000_000_000,
      sellers: [
        {
          fullName: seller.fullName,
          citizenId: seller.citizenId,
          address: seller.address,
          relationshipToBuyer: 'NONE',
          ownsOtherResidentialProperty: true,
          shareNumerator: 1,
          shareDenominator: 2,
        },
      ],
      buyers: [
        {
          fullName: 'Phạm Minh Khang',
          citizenId: '001092011223',
          address: 'Số 5 phố Kim Mã, Phường Ba Đình, Thành phố Hà Nội',
        },
      ],
      applicant: { fullName: 'Phạm Minh Khang', phone: '0912345678' },
    });
    expect(submitted.status).toBe(201);
    const code = submitted.body.dossierCode as string;
    const waiting = await eventually(
      async () => {
        const v = (await call('GET', lr(`/dossiers/${code}`), U.counterBaDinh)).body;
        return v.status === 'WAITING_FOR_PAYMENT' ? v : undefined;
      },
      120_000,
      'the tax notice for the half',
    );
    // Taxed on the half sold, not on the whole parcel.
    const tax = (
      await call('GET', `${stack.url['tax-obligation']}/assessments/${code}`, U.taxHaNoi)
    ).body;
    expect(JSON.stringify(tax.lines)).toContain('Phần quyền sử dụng đất được chuyển nhượng');
    const orderId = encodeURIComponent(waiting.assessment.assessmentId as string);
    await call(
      'POST',
      `${stack.url['agency-simulators']}/admin/payments/orders/${orderId}/pay`,
      U.operator,
      {},
    );
    await eventually(
      async () => {
        const v = (await call('GET', lr(`/dossiers/${code}`), U.counterBaDinh)).body;
        return v.status === 'IN_REVIEW' ? v : undefined;
      },
      120_000,
      'the review queue',
    );
    await reviewAndApprove(
      async (method, path, body, as) => (await call(method, lr(path), as, body)).body,
      code,
      '01/CN-BADINH',
    );
    const after = await eventually(
      async () => {
        const p = (await call('GET', lr('/parcels/00004/12/106'), U.counterBaDinh)).body;
        return (p.ownerHistory as Json[]).length > 0 ? p : undefined;
      },
      60_000,
      'the cadastral book',
    );
    const shares = Object.fromEntries(
      (after.owners as Json[]).map((o) => [
        o.citizenId,
        `${o.shareNumerator}/${o.shareDenominator}`,
      ]),
    );
    expect(shares).toEqual({ [keeper.citizenId]: '1/2', '001092011223': '1/2' });
    // Annotated, as the applicant chose: the same certificate, with the change recorded on it.
    expect(after.certificate.serial).toBe(before.certificate.serial);
    expect(after.certificate.annotations).toEqual([
      expect.objectContaining({
        dossierCode: code,
        noteVi: expect.stringContaining('Phạm Minh Khang'),
      }),
    ]);
    expect(after.ownerHistory).toEqual([
      expect.objectContaining({ changedByDossier: code, owners: before.owners }),
    ]);
  });
});
