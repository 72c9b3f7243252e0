import { Topics } from '@lien-thong/contracts';
import type { Dossier } from '../dossiers/dossier';
import { dossier } from '../testing/dossier.fixture';
import { acceptSupplement, requestSupplement } from '../workflow/officer-actions';
import { approve, propose, claim } from '../workflow/land-office-review';
import { onParcelChecked, refuse, sendSlip } from '../workflow/transfer-saga';
import { onConstructionOpinion } from './house-registration/house-registration.steps';

/** The saga's decisions that differ by procedure, as pure functions of the dossier. */
const at = new Date('2026-11-23T03:00:00Z');
const holder = {
  fullName: 'Nguyễn Văn An',
  citizenId: '001060100000',
  address: 'Số 12, phố Đội Cấn',
  shareNumerator: 1,
  shareDenominator: 1,
  relationshipToBuyer: 'NONE' as const,
};
const check = (stage: 'RECEIPT' | 'PRE_REGISTRATION', status: string, extra: object = {}) => ({
  dossierCode: 'VPDKHN-261123-0001',
  stage,
  parcel: { communeCode: '00004', mapSheetNumber: 12, parcelNumber: 102 },
  result: { status, ...extra } as never,
  checkedAt: at.toISOString(),
  source: 'REGISTRY' as const,
});
const checked = (d: Dossier, stage: 'RECEIPT' | 'PRE_REGISTRATION', status: string, extra = {}) =>
  onParcelChecked(d, check(stage, status, extra), at, 'Chi nhánh Ba Đình', 'Bộ phận Một cửa');

const mortgage = (): Dossier =>
  dossier({
    procedure: 'MORTGAGE',
    transfer: null,
    sellers: [holder],
    buyers: [],
    certificateChoice: 'ANNOTATE',
    mortgage: {
      mortgagee: 'Ngân hàng TMCP Ngoại thương Việt Nam',
      contractNumber: '0455/2026/HĐTC',
      contractDate: '2026-11-20',
      registrationNumber: null,
    },
  });
const house = (): Dossier =>
  dossier({
    procedure: 'HOUSE_REGISTRATION',
    transfer: null,
    sellers: [holder],
    buyers: [],
    house: {
      kind: 'DETACHED_HOUSE',
      grade: 'III',
      floorAreaTenthsM2: 1200,
      floors: 3,
      builtYear: 2010,
      permit: { number: '152/GPXD', issuedOn: '2009-03-15', authority: 'UBND phường Ba Đình' },
    },
  });

/** Through the land office to just before registration: approved, re-check requested. */
function approved(d: Dossier): Dossier {
  const officer = { username: 'cv', describedAs: 'Chuyên viên' };
  const leader = { username: 'ld', describedAs: 'Lãnh đạo' };
  let next: Dossier = { ...d, status: 'IN_REVIEW' };
  for (const t of [
    claim(next, officer, at),
    propose({ ...next, assignee: officer }, officer, 'Đủ điều kiện', at),
  ]) {
    next = { ...next, ...t?.set, ...(t?.status ? { status: t.status } : {}) };
  }
  const t = approve(next, leader, at, {
    choice: 'ANNOTATE',
    serial: 'CS12000102',
    issuedOn: '2026-11-23',
  });
  return { ...next, ...t.set, status: 'RECHECKING_HOLDS' };
}

describe('a mortgage', () => {
  it('goes from a clear check straight to the land office, with no slip to tax', () => {
    const t = checked(mortgage(), 'RECEIPT', 'CLEAR');
    expect(t).toMatchObject({ status: 'IN_REVIEW', heldBy: 'land-registry' });
    expect(t?.emit).toEqual([]);
  });

  it('may secure a parcel already mortgaged, but not one under a hold', () => {
    const mortgaged = {
      mortgage: { mortgagee: 'Ngân hàng A', registrationNumber: 'X', registeredOn: '2020-01-01' },
    };
    expect(checked(mortgage(), 'RECEIPT', 'MORTGAGED', mortgaged)).toMatchObject({
      status: 'IN_REVIEW',
    });
    expect(checked(mortgage(), 'RECEIPT', 'BLOCKED')).toMatchObject({
      status: 'REFUSED',
      set: { refusal: { code: 'PARCEL.BLOCKED' } },
    });
  });

  it('is registered with its number, and announced so that parcel checks show it', () => {
    const t = checked(approved(mortgage()), 'PRE_REGISTRATION', 'CLEAR');
    expect(t).toMatchObject({
      status: 'RESULT_READY',
      set: { mortgage: { registrationNumber: 'TC-VPDKHN-261123-0001' } },
    });
    expect(t?.emit.map((e) => e.topic)).toEqual([
      Topics.MortgageRegistered,
      Topics.DossierRegistered,
    ]);
    expect(t?.emit[0].payload).toMatchObject({
      registrationNumber: 'TC-VPDKHN-261123-0001',
      mortgagee: 'Ngân hàng TMCP Ngoại thương Việt Nam',
    });
    expect(t?.emit[1].payload).toMatchObject({ procedure: 'MORTGAGE' });
  });
});

describe('a mortgage release', () => {
  const release = (): Dossier => ({
    ...mortgage(),
    procedure: 'MORTGAGE_RELEASE',
    mortgage: null,
    mortgageRelease: {
      registrationNumber: 'TC-X',
      mortgagee: 'Ngân hàng A',
      reasonVi: 'Đã trả nợ',
    },
  });

  it('is not stopped by a hold (freeing a parcel of a mortgage harms no one)', () => {
    expect(checked(release(), 'RECEIPT', 'BLOCKED')).toMatchObject({ status: 'IN_REVIEW' });
  });

  it('announces the release on registration', () => {
    const t = checked(approved(release()), 'PRE_REGISTRATION', 'CLEAR');
    expect(t?.emit[0]).toMatchObject({
      topic: Topics.MortgageReleased,
      payload: { registrationNumber: 'TC-X' },
    });
  });
});

describe('a change of purpose', () => {
  const change = (): Dossier => ({
    ...mortgage(),
    procedure: 'PURPOSE_CHANGE',
    mortgage: null,
    certificateChoice: 'NEW_CERTIFICATE',
    purposeChange: {
      decision: { number: '245/QĐ-UBND', date: '2026-11-20', authority: 'UBND xã Ba Vì' },
      fromPurpose: 'CLN',
      toPurpose: 'ONT',
      convertedAreaTenthsM2: 1000,
      parcelHasResidentialLand: false,
      householdUsedReducedTiers: false,
    },
  });

  it('sends the levy slip to tax, which has 5 working days for a household (3 for a transfer)', () => {
    const t = checked(change(), 'RECEIPT', 'MORTGAGED', {
      mortgage: { mortgagee: 'Ngân hàng A', registrationNumber: 'X', registeredOn: '2020-01-01' },
    });
    expect(t).toMatchObject({ status: 'WAITING_FOR_TAX' });
    expect(t?.emit[0]).toMatchObject({
      topic: Topics.PurposeChangeSlipSent,
      payload: { fromPurpose: 'CLN', toPurpose: 'ONT', landUsers: [{ citizenId: '001060100000' }] },
    });
    const transfer = checked(dossier(), 'RECEIPT', 'CLEAR');
    const levyDue = t?.set?.handoff?.dueAt as Date;
    const pitDue = transfer?.set?.handoff?.dueAt as Date;
    expect(levyDue.getTime()).toBeGreaterThan(pitDue.getTime());
  });
});

describe('a house on land', () => {
  const given = (requestId: string, outcome: 'CONFIRMED' | 'NOT_CONFIRMED') => ({
    dossierCode: 'VPDKHN-261123-0001',
    requestId,
    outcome,
    reasons:
      outcome === 'CONFIRMED'
        ? []
        : [{ code: 'CONSTRUCTION.NOT_CONFORMING', messageVi: 'Sai phép: vượt số tầng' }],
    reference: '88/SXD-QLXD',
    answeredAt: at.toISOString(),
  });
  const asked = (): Dossier => {
    const d = house();
    const t = checked(d, 'RECEIPT', 'CLEAR');
    return { ...d, ...t?.set, status: 'WAITING_FOR_CONSTRUCTION' };
  };

  it('is first confirmed by the construction department, within its deadline', () => {
    const t = checked(house(), 'RECEIPT', 'CLEAR');
    expect(t).toMatchObject({ status: 'WAITING_FOR_CONSTRUCTION', heldBy: 'construction' });
    expect(t?.emit[0]).toMatchObject({
      topic: Topics.ConstructionOpinionRequested,
      payload: { requestId: 'VPDKHN-261123-0001:C1', house: { floors: 3 } },
    });
    expect(t?.set?.handoff).toMatchObject({ agency: 'construction' });
    expect(t?.set?.handoff?.dueAt).toBeInstanceOf(Date);
  });

  it('goes to tax once confirmed, and is refused with the reasons when not', () => {
    const confirmed = onConstructionOpinion(
      asked(),
      given('VPDKHN-261123-0001:C1', 'CONFIRMED'),
      at,
      sendSlip,
      refuse,
    );
    expect(confirmed).toMatchObject({ status: 'WAITING_FOR_TAX' });
    expect(confirmed?.emit[0].topic).toBe(Topics.HouseSlipSent);
    const refused = onConstructionOpinion(
      asked(),
      given('VPDKHN-261123-0001:C1', 'NOT_CONFIRMED'),
      at,
      sendSlip,
      refuse,
    );
    expect(refused).toMatchObject({
      status: 'REFUSED',
      set: { refusal: { code: 'CONSTRUCTION.NOT_CONFIRMED' } },
    });
    expect(refused?.set?.refusal?.reasonVi).toContain('vượt số tầng');
  });

  it('ignores an answer to an earlier request: a supplement asks the department again', () => {
    const back = requestSupplement(asked(), 'Bổ sung giấy phép xây dựng', 'Cán bộ', at);
    const supplemented: Dossier = {
      ...asked(),
      ...back.set,
      status: 'SUPPLEMENT_REQUESTED',
      pauses: back.pauses ?? [],
    };
    const again = acceptSupplement(supplemented, 'Cán bộ', at);
    expect(again.emit[0].payload).toMatchObject({ requestId: 'VPDKHN-261123-0001:C2' });
    expect(again.status).toBe('WAITING_FOR_CONSTRUCTION');
    const next: Dossier = { ...supplemented, ...again.set, status: 'WAITING_FOR_CONSTRUCTION' };
    expect(
      onConstructionOpinion(
        next,
        given('VPDKHN-261123-0001:C1', 'CONFIRMED'),
        at,
        sendSlip,
        refuse,
      ),
    ).toBeNull();
  });
});

describe('an inheritance', () => {
  it('sends tax a transfer slip of kind INHERITANCE with each heir and share', () => {
    const heirs = [
      {
        fullName: 'Ngô Thị Lan',
        citizenId: '001190022334',
        address: 'Hà Nội',
        shareNumerator: 1,
        shareDenominator: 2,
        relationshipToDeceased: 'PARENT_CHILD' as const,
      },
      {
        fullName: 'Vũ Đức Long',
        citizenId: '001085033445',
        address: 'Hà Nội',
        shareNumerator: 1,
        shareDenominator: 2,
        relationshipToDeceased: 'NONE' as const,
      },
    ];
    const d = dossier({
      procedure: 'INHERITANCE',
      transfer: {
        kind: 'INHERITANCE',
        contractDate: '2026-10-20',
        transfersWhole: true,
        mortgageeConsent: null,
      },
      sellers: [holder],
      buyers: heirs.map(({ fullName, citizenId, address }) => ({ fullName, citizenId, address })),
      inheritance: {
        heirs,
        basis: {
          kind: 'AGREEMENT',
          number: '1520/2026/VBTT',
          date: '2026-10-20',
          issuedBy: 'VPCC',
        },
        deceasedOn: '2026-06-15',
      },
    });
    const t = checked(d, 'RECEIPT', 'CLEAR');
    expect(t?.emit[0]).toMatchObject({
      topic: Topics.TransferSlipSent,
      payload: {
        transferKind: 'INHERITANCE',
        heirs: [{ relationshipToDeceased: 'PARENT_CHILD' }, { relationshipToDeceased: 'NONE' }],
      },
    });
  });
});
