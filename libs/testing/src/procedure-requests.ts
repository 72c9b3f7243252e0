/**
 * What a counter officer enters for the procedures other than a transfer, built from the
 * cadastral book's record of the parcel (factories for the demo, the chaos run and tests).
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type ScenarioProcedure =
  | 'TRANSFER'
  | 'INHERITANCE'
  | 'MORTGAGE'
  | 'MORTGAGE_RELEASE'
  | 'PURPOSE_CHANGE'
  | 'HOUSE_REGISTRATION';

/** The intake route of each procedure. */
export const INTAKE_PATHS: Record<ScenarioProcedure, string> = {
  TRANSFER: '/dossiers/transfers',
  INHERITANCE: '/dossiers/inheritances',
  MORTGAGE: '/dossiers/mortgages',
  MORTGAGE_RELEASE: '/dossiers/mortgage-releases',
  PURPOSE_CHANGE: '/dossiers/purpose-changes',
  HOUSE_REGISTRATION: '/dossiers/house-registrations',
};

/** A house with a permit; `SAI` in the permit number makes the department's simulator refuse it. */
export function sampleHouse(conforming = true): Json {
  return {
    kind: 'DETACHED_HOUSE',
    grade: 'III',
    floorAreaTenthsM2: 1200,
    floors: 3,
    builtYear: 2010,
    permit: {
      number: conforming ? '152/GPXD' : 'SAI-77/GPXD',
      issuedOn: '2009-03-15',
      authority: 'Ủy ban nhân dân phường Ba Đình',
    },
  };
}

function counterPart(parcel: Json, index: number): Json {
  const owner = (parcel.owners as Json[])[0];
  return {
    channel: 'COUNTER',
    resultDelivery: 'COUNTER',
    parcel: parcel.ref,
    certificateSerial: parcel.certificate.serial,
    applicant: {
      fullName: owner.fullName,
      phone: `09${String(22345678 + index).padStart(8, '0')}`,
      email: `nguoinop${index}@example.vn`,
    },
  };
}

/** The request of a procedure other than a transfer, for `parcel` (as GET /parcels answers it). */
export function procedureRequest(
  procedure: Exclude<ScenarioProcedure, 'TRANSFER'>,
  parcel: Json,
  index: number,
  options: { conforming?: boolean; mortgageNumber?: string } = {},
): Json {
  const base = counterPart(parcel, index);
  switch (procedure) {
    case 'INHERITANCE': {
      const deceased = (parcel.owners as Json[]).map((o) => ({
        fullName: o.fullName,
        citizenId: o.citizenId,
        address: o.address,
      }));
      return {
        ...base,
        deceased,
        deceasedOn: '2026-06-15',
        basis: {
          kind: 'AGREEMENT',
          number: `${1500 + index}/2026/VBTT`,
          date: '2026-10-20',
          issuedBy: 'Văn phòng công chứng Ba Đình',
        },
        heirs: [
          {
            fullName: 'Ngô Thị Lan',
            citizenId: `0011900${String(22334 + index).padStart(5, '0')}`,
            address: 'Số 9 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
            shareNumerator: 1,
            shareDenominator: 2,
            relationshipToDeceased: 'PARENT_CHILD',
          },
          {
            fullName: 'Vũ Đức Long',
            citizenId: `0010850${String(33445 + index).padStart(5, '0')}`,
            address: 'Số 3 phố Liễu Giai, Phường Ba Đình, Thành phố Hà Nội',
            shareNumerator: 1,
            shareDenominator: 2,
            relationshipToDeceased: 'NONE',
          },
        ],
      };
    }
    case 'MORTGAGE':
      return {
        ...base,
        mortgagee: 'Ngân hàng TMCP Ngoại thương Việt Nam - Chi nhánh Ba Đình',
        contractNumber: `${400 + index}/2026/HĐTC`,
        contractDate: '2026-11-28',
        securedAmountVnd: 2_000_000_000,
      };
    case 'MORTGAGE_RELEASE':
      return {
        ...base,
        registrationNumber: options.mortgageNumber,
        reasonVi: 'Đã trả hết nợ vay theo hợp đồng tín dụng',
      };
    case 'PURPOSE_CHANGE':
      return {
        ...base,
        decision: {
          number: `${240 + index}/QĐ-UBND`,
          date: '2026-11-20',
          authority: 'Ủy ban nhân dân cấp xã',
        },
        toPurpose: (parcel.provinceCode as string) === '91' ? 'ODT' : 'ONT',
        convertedAreaTenthsM2: Math.min(parcel.areaTenthsM2 as number, 1000),
        parcelHasResidentialLand: false,
        householdUsedReducedTiers: false,
      };
    case 'HOUSE_REGISTRATION':
      return { ...base, house: sampleHouse(options.conforming ?? true) };
  }
}
