import type { PersonV1, SellerV1, TransferSlipSentV1 } from '@lien-thong/contracts';

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
