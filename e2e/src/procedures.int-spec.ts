import {
  authAs,
  eventually,
  reviewAndApprove,
  SAMPLE_USERS as U,
  Stack,
  startStack,
} from '@lien-thong/testing';

jest.setTimeout(420_000);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The procedures beyond a transfer, end to end through the public API as the sample users:
 * each one received at the counter, handed between the agencies it crosses (Justice, tax,
 * the construction department), reviewed and approved by the land office, registered, and
 * its effect seen where it matters (the parcel's owners, purpose, houses; a later check of
 * the parcel).
 */
describe('the one-stop runs every procedure of the catalogue', () => {
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

  const parcelOf = async (ref: string) =>
    (await call('GET', lr(`/parcels/${ref}`), U.counterHaNoi)).body;
  const view = async (code: string) =>
    (await call('GET', lr(`/dossiers/${code}`), U.counterHaNoi)).body;
  const reach = (code: string, ok: (v: Json) => boolean, what: string) =>
    eventually(async () => ((v) => (ok(v) ? v : undefined))(await view(code)), 150_000, what);
  const steps = (v: Json) => (v.timeline as Json[]).map((t) => t.step as string);
  const counter = (parcel: Json) => ({
    channel: 'COUNTER',
    resultDelivery: 'COUNTER',
    parcel: parcel.ref,
    certificateSerial: parcel.certificate.serial,
    applicant: { fullName: (parcel.owners as Json[])[0].fullName, phone: '0912345678' },
  });
  const landOffice = (code: string) =>
    reviewAndApprove(
      async (method, path, body, as) => (await call(method, lr(path), as, body)).body,
      code,
      '01',
    );
  async function pay(code: string): Promise<Json> {
    const waiting = await reach(code, (v) => v.status === 'WAITING_FOR_PAYMENT', 'the tax notice');
    const orderId = waiting.assessment.assessmentId as string;
    const paid = await call(
      'POST',
      sim(`/admin/payments/orders/${encodeURIComponent(orderId)}/pay`),
      U.operator,
      {},
    );
    expect(paid.status).toBe(200);
    return waiting;
  }
  async function register(code: string): Promise<Json> {
    await reach(code, (v) => v.status === 'IN_REVIEW', 'the review queue');
    await landOffice(code);
    return reach(code, (v) => v.status === 'RESULT_READY', 'the registration');
  }
  function sale(parcel: Json) {
    return {
      ...counter(parcel),
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
    };
  }

  it('registers a mortgage the day it is received, shows it to a later sale, and frees the parcel when it is deregistered', async () => {
    const parcel = await parcelOf('00004/12/109');
    const received = await call('POST', lr('/dossiers/mortgages'), U.counterHaNoi, {
      ...counter(parcel),
      mortgagee: 'Ngân hàng TMCP Ngoại thương Việt Nam - Chi nhánh Ba Đình',
      contractNumber: '0455/2026/HĐTC',
      contractDate: '2026-11-28',
      securedAmountVnd: 2_000_000_000,
    });
    expect(received.status).toBe(201);
    // Decree 99/2022: the same working day before 15:00, the next otherwise.
    expect(received.body).toMatchObject({ procedure: 'MORTGAGE', workingDays: 0 });
    expect((received.body.fees as Json[]).length).toBeGreaterThan(0);
    const code = received.body.dossierCode as string;
    const registered = await register(code);
    expect(steps(registered)).not.toContain('TRANSFER_SLIP_SENT');
    const number = `TC-${code}`;
    expect(registered.timeline.at(-1).noteVi).toContain(number);
    await eventually(
      async () =>
        ((await parcelOf('00004/12/109')).mortgages as Json[] | undefined)?.some(
          (m) => m.registrationNumber === number,
        ) || undefined,
      60_000,
      'the mortgage in the cadastral book',
    );

    const sold = await call('POST', lr('/dossiers/transfers'), U.counterHaNoi, sale(parcel));
    expect(sold.status).toBe(201);
    const refused = await reach(
      sold.body.dossierCode,
      (v) => v.status === 'REFUSED',
      'the refusal',
    );
    expect(refused.refusal).toMatchObject({ code: 'PARCEL.MORTGAGED' });
    expect(refused.refusal.reasonVi).toContain('Ngân hàng TMCP Ngoại thương Việt Nam');

    const release = await call('POST', lr('/dossiers/mortgage-releases'), U.counterHaNoi, {
      ...counter(parcel),
      registrationNumber: number,
      reasonVi: 'Đã trả hết nợ vay theo hợp đồng tín dụng',
    });
    expect(release.status).toBe(201);
    await register(release.body.dossierCode);
    const again = await call('POST', lr('/dossiers/transfers'), U.counterHaNoi, sale(parcel));
    expect(again.status).toBe(201);
    await reach(
      again.body.dossierCode,
      (v) => v.status === 'WAITING_FOR_PAYMENT',
      'a clear parcel',
    );

    const unknown = await call('POST', lr('/dossiers/mortgage-releases'), U.counterHaNoi, {
      ...counter(await parcelOf('00004/12/104')),
      registrationNumber: 'TC-000.00.01.H01-261110-0001',
      reasonVi: 'Đã trả hết nợ vay',
    });
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(unknown.body)).toContain('MORTGAGE.NOT_REGISTERED');
  });

  it('passes an estate to its heirs by their shares, taxing only the heir who is not a close relative', async () => {
    const parcel = await parcelOf('00004/12/110');
    const deceased = (parcel.owners as Json[])[0];
    const heirs = [
      {
        fullName: 'Ngô Thị Lan',
        citizenId: '001190022334',
        address: 'Số 9 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
        shareNumerator: 1,
        shareDenominator: 2,
        relationshipToDeceased: 'PARENT_CHILD',
      },
      {
        fullName: 'Vũ Đức Long',
        citizenId: '001085033445',
        address: 'Số 3 phố Liễu Giai, Phường Ba Đình, Thành phố Hà Nội',
        shareNumerator: 1,
        shareDenominator: 2,
        relationshipToDeceased: 'NONE',
      },
    ];
    const badShares = await call('POST', lr('/dossiers/inheritances'), U.counterHaNoi, {
      ...counter(parcel),
      deceased: [
        { fullName: deceased.fullName, citizenId: deceased.citizenId, address: deceased.address },
      ],
      deceasedOn: '2026-06-15',
      basis: {
        kind: 'AGREEMENT',
        number: '1520/2026/VBTT',
        date: '2026-10-20',
        issuedBy: 'Văn phòng công chứng Ba Đình',
      },
      heirs: heirs.map((h) => ({ ...h, shareDenominator: 3 })),
    });
    expect(badShares.status).toBe(422);
    expect(JSON.stringify(badShares.body)).toContain('INHERITANCE.SHARES_DO_NOT_ADD_UP');

    const received = await call('POST', lr('/dossiers/inheritances'), U.counterHaNoi, {
      ...counter(parcel),
      deceased: [
        { fullName: deceased.fullName, citizenId: deceased.citizenId, address: deceased.address },
      ],
      deceasedOn: '2026-06-15',
      basis: {
        kind: 'AGREEMENT',
        number: '1520/2026/VBTT',
        date: '2026-10-20',
        issuedBy: 'Văn phòng công chứng Ba Đình',
      },
      heirs,
    });
    expect(received.status).toBe(201);
    const code = received.body.dossierCode as string;
    const waiting = await pay(code);
    const notices = waiting.assessment.notices as Json[];
    const pitOf = (name: string) =>
      notices.filter((n) => n.code === 'PIT' && n.taxpayerName === name);
    expect(notices.length).toBeGreaterThan(0);
    expect(waiting.assessment.totalVnd).toBeGreaterThan(0);
    // The child is exempt (PIT Law art. 4); the unrelated heir pays 10 % above 10,000,000 VND.
    expect(pitOf('Ngô Thị Lan')).toEqual([expect.objectContaining({ amountVnd: 0 })]);
    expect(pitOf('Vũ Đức Long')).toEqual([
      expect.objectContaining({ amountVnd: expect.any(Number) }),
    ]);
    expect(pitOf('Vũ Đức Long')[0].amountVnd).toBeGreaterThan(0);
    await register(code);
    const owners = await eventually(
      async () => {
        const p = await parcelOf('00004/12/110');
        return (p.owners as Json[]).some((o) => o.citizenId === '001085033445')
          ? p.owners
          : undefined;
      },
      60_000,
      'the heirs in the cadastral book',
    );
    expect(owners).toEqual([
      expect.objectContaining({
        citizenId: '001190022334',
        shareNumerator: 1,
        shareDenominator: 2,
      }),
      expect.objectContaining({
        citizenId: '001085033445',
        shareNumerator: 1,
        shareDenominator: 2,
      }),
    ]);
  });

  it('charges a household the land-use levy on a change of purpose, in two instalments, and records the new purpose', async () => {
    const parcel = await parcelOf('09904/31/211');
    const received = await call('POST', lr('/dossiers/purpose-changes'), U.counterHaNoi, {
      ...counter(parcel),
      decision: {
        number: '245/QĐ-UBND',
        date: '2026-11-20',
        authority: 'Ủy ban nhân dân xã Ba Vì',
      },
      toPurpose: 'ONT',
      convertedAreaTenthsM2: 5000,
      parcelHasResidentialLand: false,
      householdUsedReducedTiers: false,
    });
    expect(received.status).toBe(201);
    const code = received.body.dossierCode as string;
    const waiting = await pay(code);
    const levy = (waiting.assessment.notices as Json[]).filter((n) => n.code === 'LAND_USE_LEVY');
    // 50 % within 30 days, the rest within 90: one notice per instalment, due apart.
    expect(levy).toHaveLength(2);
    expect(levy[0].amountVnd).toBeGreaterThan(0);
    expect(levy[0].dueDate < levy[1].dueDate).toBe(true);
    expect(levy[0].labelVi).toContain('đợt 1/2');
    await register(code);
    await eventually(
      async () => ((await parcelOf('09904/31/211')).purposeCode === 'ONT' ? true : undefined),
      60_000,
      'the new purpose in the cadastral book',
    );
  });

  it('has the construction department confirm a house before tax and registration, and refuses one it does not confirm', async () => {
    const house = {
      kind: 'DETACHED_HOUSE',
      grade: 'III',
      floorAreaTenthsM2: 1200,
      floors: 3,
      builtYear: 2010,
      permit: {
        number: '152/GPXD',
        issuedOn: '2009-03-15',
        authority: 'Ủy ban nhân dân phường Ba Đình',
      },
    };
    const parcel = await parcelOf('00004/12/108');
    const received = await call('POST', lr('/dossiers/house-registrations'), U.counterHaNoi, {
      ...counter(parcel),
      house,
    });
    expect(received.status).toBe(201);
    const code = received.body.dossierCode as string;
    const asked = await reach(
      code,
      (v) => steps(v).includes('CONSTRUCTION_OPINION_REQUESTED'),
      'the request',
    );
    expect(
      asked.timeline.find((t: Json) => t.step === 'CONSTRUCTION_OPINION_REQUESTED').deadlineAt,
    ).toBeTruthy();
    const waiting = await pay(code);
    expect(steps(waiting)).toContain('CONSTRUCTION_CONFIRMED');
    expect((waiting.assessment.notices as Json[]).some((n) => n.code === 'REGISTRATION_FEE')).toBe(
      true,
    );
    await register(code);
    await eventually(
      async () =>
        ((await parcelOf('00004/12/108')).houses as Json[] | undefined)?.length ? true : undefined,
      60_000,
      'the house in the cadastral book',
    );

    const other = await parcelOf('00004/12/104');
    const wrong = await call('POST', lr('/dossiers/house-registrations'), U.counterHaNoi, {
      ...counter(other),
      house: { ...house, permit: { ...house.permit, number: 'SAI-77/GPXD' } },
    });
    expect(wrong.status).toBe(201);
    const refused = await reach(
      wrong.body.dossierCode,
      (v) => v.status === 'REFUSED',
      'the refusal',
    );
    expect(refused.refusal).toMatchObject({ code: 'CONSTRUCTION.NOT_CONFIRMED' });
    expect(refused.refusal.reasonVi).toContain('Sở Xây dựng không xác nhận');
  });

  it('numbers a dossier at the unit that received it, routes it to the unit competent for the parcel, and lets both see it', async () => {
    // The Ba Đình branch's counter receives a parcel of Ba Vì ("phi địa giới hành chính").
    const parcel = (await call('GET', lr('/parcels/09904/31/206'), U.counterHaNoi)).body;
    const received = await call('POST', lr('/dossiers/transfers'), U.counterBaDinh, sale(parcel));
    expect(received.status).toBe(201);
    const code = received.body.dossierCode as string;
    expect(code).toMatch(/^CNBADINH-\d{6}-\d{4,}$/);
    const seen = (await call('GET', lr(`/dossiers/${code}`), U.counterBaDinh)).body;
    expect(seen).toMatchObject({ unit: '01/CN-BAVI', receivingUnit: '01/CN-BADINH' });
    // The Ba Đình branch's land officer is not competent for Ba Vì: not in their queue.
    const claim = await call('POST', lr(`/dossiers/${code}/review/claim`), U.landOfficerBaDinh);
    expect(claim.status).toBe(404);
    // The Hà Nội office's counter (the province) numbers its own dossiers separately.
    const other = await call('POST', lr('/dossiers/mortgages'), U.counterHaNoi, {
      ...counter((await call('GET', lr('/parcels/09904/31/207'), U.counterHaNoi)).body),
      mortgagee: 'Ngân hàng Nông nghiệp và Phát triển Nông thôn - Chi nhánh Ba Vì',
      contractNumber: '0099/2026/HĐTC',
      contractDate: '2026-11-28',
    });
    expect(other.status).toBe(201);
    expect(other.body.dossierCode).toMatch(/^VPDKHN-\d{6}-\d{4,}$/);
    // Another province's counter may not receive it; a bad field is named in Vietnamese.
    const mortgageOf207 = {
      ...counter((await call('GET', lr('/parcels/09904/31/207'), U.counterHaNoi)).body),
      mortgagee: 'Ngân hàng A',
      contractNumber: '0100/2026/HĐTC',
      contractDate: '2026-11-28',
    };
    const foreign = await call('POST', lr('/dossiers/mortgages'), U.counterAnGiang, mortgageOf207);
    expect([foreign.status, foreign.body.code]).toEqual([403, 'AUTH.OTHER_UNIT']);
    const bad = await call('POST', lr('/dossiers/mortgages'), U.counterHaNoi, {
      ...mortgageOf207,
      contractNumber: 'x',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('Số hợp đồng thế chấp từ 2 đến 64 ký tự');
    // The province's backlog counts its dossiers by procedure too.
    const backlog = (await call('GET', lr('/backlog'), U.counterHaNoi)).body;
    expect(backlog.byProcedure.MORTGAGE).toBeGreaterThanOrEqual(1);
    expect(backlog.byProcedure.TRANSFER).toBeGreaterThanOrEqual(1);
  });

  it('takes a supplement to a mortgage with documents and the applicant’s contact, not a sale’s parties', async () => {
    const parcel = await parcelOf('00004/12/105');
    const received = await call('POST', lr('/dossiers/mortgages'), U.counterHaNoi, {
      ...counter(parcel),
      mortgagee: 'Ngân hàng TMCP Công thương Việt Nam',
      contractNumber: '0777/2026/HĐTC',
      contractDate: '2026-11-28',
    });
    const code = received.body.dossierCode as string;
    await reach(code, (v) => v.status === 'IN_REVIEW', 'the review queue');
    const asked = await call('POST', lr(`/dossiers/${code}/supplement-requests`), U.counterHaNoi, {
      reasonVi: 'Bổ sung bản chính hợp đồng thế chấp đã công chứng',
    });
    expect(asked.status).toBe(200);
    const wrong = await call('POST', lr(`/dossiers/${code}/supplements`), U.counterHaNoi, {
      buyers: [
        {
          fullName: 'Phạm Minh Khang',
          citizenId: '001092011223',
          address: 'Số 5 phố Kim Mã, Hà Nội',
        },
      ],
    });
    expect(wrong.status).toBe(422);
    expect(JSON.stringify(wrong.body)).toContain('SUPPLEMENT.NOT_FOR_THIS_PROCEDURE');
    const ok = await call('POST', lr(`/dossiers/${code}/supplements`), U.counterHaNoi, {
      applicant: { fullName: 'Lê Thu Hà', phone: '0987654321' },
    });
    expect(ok.status).toBe(200);
    await reach(code, (v) => v.status === 'IN_REVIEW', 'back in review');
  });
});
