import { LandLocation, PurposeChangeInput, TransferInput, Transferor } from '../model';

/** Phường Ba Đình, Phố Đội Cấn, position 3: ODT 40,000,000 VND/m² in the 2026 sample table. */
export const BA_DINH_DOI_CAN_VT3: LandLocation = {
  provinceCode: '01',
  communeCode: '00004',
  zoneCode: 'DOI-CAN',
  position: 3,
};

/** Xã Ba Vì, rural residential zone: ONT 3,500,000 and CLN 250,000 VND/m² in 2026. */
export const BA_VI_RURAL: LandLocation = {
  provinceCode: '01',
  communeCode: '09904',
  zoneCode: 'KDC-NONG-THON',
  position: 1,
};

export function aTransferor(overrides: Partial<Transferor> = {}): Transferor {
  return { id: 'seller-1', nameVi: 'Nguyễn Văn An', relationshipToRecipient: 'NONE', ...overrides };
}

/** The worked example of domain.md: 100.0 m² ODT at 40,000,000 VND/m², sold for 3 billion. */
export function aSale(overrides: Partial<TransferInput> = {}): TransferInput {
  return {
    kind: 'SALE',
    transferors: [aTransferor()],
    recipient: { id: 'buyer-1', nameVi: 'Trần Thị Bình' },
    parcel: { areaTenthsM2: 1000, purpose: 'ODT', location: BA_DINH_DOI_CAN_VT3 },
    contractPriceVnd: 3_000_000_000n,
    contractDate: '2026-03-02',
    declarationDate: '2026-03-05',
    ...overrides,
  };
}

export function aPurposeChange(overrides: Partial<PurposeChangeInput> = {}): PurposeChangeInput {
  return {
    landUser: {
      id: 'household-1',
      nameVi: 'Hộ ông Đinh Văn Cường',
      kind: 'HOUSEHOLD_OR_INDIVIDUAL',
    },
    location: BA_VI_RURAL,
    areaTenthsM2: 4000,
    fromPurpose: 'CLN',
    toPurpose: 'ONT',
    decisionDate: '2026-03-02',
    parcelHasResidentialLand: true,
    householdUsedReducedTiers: false,
    ...overrides,
  };
}
