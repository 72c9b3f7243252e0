import type {
  HeirV1,
  HouseSlipSentV1,
  PersonV1,
  PurposeChangeSlipSentV1,
  SellerV1,
  TransferSlipSentV1,
} from '@lien-thong/contracts';

/**
 * Transfer slips for tests. The default is the worked example of the domain notes on the
 * Hà Nội 2026 sample price table: 100.0 m² of urban residential land (ODT) in Phường Ba
 * Đình, Phố Đội Cấn, position 3, at 40,000,000 VND/m² (table value 4,000,000,000 VND),
 * sold between strangers for 3,000,000,000 VND.
 */
export function aSeller(overrides: Partial<SellerV1> = {}): SellerV1 {
  return {
    fullName: 'Nguyễn Văn An',
    citizenId: '001080001234',
    address: 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
    shareNumerator: 1,
    shareDenominator: 1,
    relationshipToBuyer: 'NONE',
    ...overrides,
  };
}

export function aBuyer(overrides: Partial<PersonV1> = {}): PersonV1 {
  return {
    fullName: 'Trần Thị Bình',
    citizenId: '001190005678',
    address: 'Số 5 phố Kim Mã, Phường Giảng Võ, Thành phố Hà Nội',
    ...overrides,
  };
}

export function aSlip(
  dossierCode: string,
  overrides: Partial<TransferSlipSentV1> = {},
): TransferSlipSentV1 {
  return {
    dossierCode,
    slipRevision: 1,
    completeReceiptAt: '2026-03-02T09:00:00+07:00',
    procedureCode: '1.013831',
    transferKind: 'SALE',
    contractDate: '2026-03-02',
    declarationDate: '2026-03-05',
    declaredPriceVnd: 3_000_000_000,
    sellers: [aSeller()],
    buyers: [aBuyer()],
    parcel: {
      ref: { communeCode: '00004', mapSheetNumber: 12, parcelNumber: 345 },
      address: 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
      provinceCode: '01',
      areaTenthsM2: 1000,
      purposeCode: 'ODT',
      term: 'Lâu dài',
      origin: 'Nhà nước công nhận quyền sử dụng đất',
      priceZone: 'DOI-CAN',
      pricePosition: 3,
    },
    certificateSerial: 'AA12345678',
    certificateIssuedOn: '2015-06-01',
    transfersWhole: true,
    ...overrides,
  };
}

export function anHeir(overrides: Partial<HeirV1> = {}): HeirV1 {
  return {
    fullName: 'Nguyễn Thị Hoa',
    citizenId: '001195004321',
    address: 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
    shareNumerator: 1,
    shareDenominator: 2,
    relationshipToDeceased: 'PARENT_CHILD',
    ...overrides,
  };
}

/**
 * An inheritance of the worked example's parcel (table value 4,000,000,000 VND): the
 * deceased holder is the seller; a child and an unrelated heir receive half each.
 */
export function anInheritanceSlip(
  dossierCode: string,
  overrides: Partial<TransferSlipSentV1> = {},
): TransferSlipSentV1 {
  const heirs = [
    anHeir(),
    anHeir({
      fullName: 'Lê Văn Khoa',
      citizenId: '001085007777',
      relationshipToDeceased: 'NONE',
    }),
  ];
  return aSlip(dossierCode, {
    transferKind: 'INHERITANCE',
    declaredPriceVnd: undefined,
    sellers: [aSeller({ fullName: 'Nguyễn Văn Tâm', citizenId: '001050009999' })],
    buyers: heirs.map(({ fullName, citizenId, address }) => ({ fullName, citizenId, address })),
    heirs,
    ...overrides,
  });
}

/**
 * A change of purpose on the land registry's sample parcel 09904/31/205 (Xã Ba Vì, Đường
 * tỉnh 87, position 1): 100.0 m² of garden land (CLN, 300,000 VND/m²) to rural residential
 * land (ONT, 8,000,000 VND/m²) by a household, within the 150.0 m² limit: 30 % of
 * 770,000,000 = 231,000,000 VND, half within 30 days and half within 90.
 */
export function aPurposeChangeSlip(
  dossierCode: string,
  overrides: Partial<PurposeChangeSlipSentV1> = {},
): PurposeChangeSlipSentV1 {
  return {
    dossierCode,
    slipRevision: 1,
    completeReceiptAt: '2026-03-02T09:00:00+07:00',
    procedureCode: '1.012345',
    landUsers: [
      {
        fullName: 'Dương Văn Long',
        citizenId: '001070002222',
        address: 'Thôn 3, Xã Ba Vì, Thành phố Hà Nội',
      },
    ],
    parcel: {
      ref: { communeCode: '09904', mapSheetNumber: 31, parcelNumber: 205 },
      address: 'Thôn 3, Xã Ba Vì, Thành phố Hà Nội',
      provinceCode: '01',
      areaTenthsM2: 2500,
      purposeCode: 'ONT',
      term: 'Lâu dài',
      origin: 'Nhà nước công nhận quyền sử dụng đất',
      priceZone: 'DT87',
      pricePosition: 1,
    },
    certificateSerial: 'CS31000205',
    decision: {
      number: '125/QĐ-UBND',
      date: '2026-03-02',
      authority: 'Ủy ban nhân dân xã Ba Vì',
    },
    fromPurpose: 'CLN',
    toPurpose: 'ONT',
    convertedAreaTenthsM2: 1000,
    parcelHasResidentialLand: true,
    householdUsedReducedTiers: false,
    ...overrides,
  };
}

/**
 * A 120.0 m² grade III house built in 2010 on the sample parcel 30280/8/12 (An Giang):
 * 120.0 × 5,000,000 VND/m² × 35 % remaining = 210,000,000; fee 0.5 % = 1,050,000 VND.
 */
export function aHouseSlip(
  dossierCode: string,
  overrides: Partial<HouseSlipSentV1> = {},
): HouseSlipSentV1 {
  return {
    dossierCode,
    slipRevision: 1,
    completeReceiptAt: '2026-03-02T09:00:00+07:00',
    procedureCode: '1.012346',
    declarationDate: '2026-03-05',
    owners: [
      {
        fullName: 'Nguyễn Văn An',
        citizenId: '001060100000',
        address: 'Số 5 đường Trần Hưng Đạo, Tỉnh An Giang',
      },
    ],
    parcel: {
      ref: { communeCode: '30280', mapSheetNumber: 8, parcelNumber: 12 },
      address: 'Số 5 đường Trần Hưng Đạo, Tỉnh An Giang',
      provinceCode: '91',
      areaTenthsM2: 1200,
      purposeCode: 'ODT',
      term: 'Lâu dài',
      origin: 'Nhà nước công nhận quyền sử dụng đất',
      priceZone: 'TRAN-HUNG-DAO',
      pricePosition: 1,
    },
    certificateSerial: 'CS08000012',
    house: {
      kind: 'DETACHED_HOUSE',
      grade: 'III',
      floorAreaTenthsM2: 1200,
      floors: 2,
      builtYear: 2010,
      permit: { number: '45/GPXD', issuedOn: '2009-05-04', authority: 'Sở Xây dựng An Giang' },
    },
    ...overrides,
  };
}
