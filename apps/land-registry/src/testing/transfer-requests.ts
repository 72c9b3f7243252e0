import seed from '../reference-data/data/parcels.json';
import { bulkParcels } from '../reference-data/bulk-parcels';

type SeedParcel = (typeof seed.parcels)[number];

export function seedParcel(
  communeCode: string,
  mapSheetNumber: number,
  parcelNumber: number,
): SeedParcel {
  const parcel = seed.parcels.find(
    (p) =>
      p.ref.communeCode === communeCode &&
      p.ref.mapSheetNumber === mapSheetNumber &&
      p.ref.parcelNumber === parcelNumber,
  );
  if (!parcel) throw new Error(`no seed parcel ${communeCode}/${mapSheetNumber}/${parcelNumber}`);
  return parcel;
}

const BUYER = {
  fullName: 'Phạm Minh Khang',
  citizenId: '001092011223',
  address: 'Số 5 phố Kim Mã, Phường Ba Đình, Thành phố Hà Nội',
};

/** A valid transfer request for a seeded parcel, sold by its owners; override what a test varies. */
export function transferRequest(
  parcelNumber: number,
  overrides: Record<string, unknown> = {},
  communeCode = '00004',
  mapSheetNumber = 12,
) {
  const parcel = seedParcel(communeCode, mapSheetNumber, parcelNumber);
  return {
    channel: 'COUNTER',
    resultDelivery: 'COUNTER',
    parcel: parcel.ref,
    certificateSerial: parcel.certificate.serial,
    transferKind: 'SALE',
    contractDate: '2026-11-10',
    declaredPriceVnd: 3_000_000_000,
    sellers: parcel.owners.map((o) => ({
      fullName: o.fullName,
      citizenId: o.citizenId,
      address: o.address,
      relationshipToBuyer: 'NONE',
      ownsOtherResidentialProperty: true,
    })),
    buyers: [BUYER],
    applicant: { fullName: BUYER.fullName, phone: '0912345678', email: 'khang.pham@example.vn' },
    ...overrides,
  };
}

/**
 * A valid transfer of the k-th generated parcel (start the service with SEED_BULK_PARCELS
 * above k): a test that submits many dossiers gives each a parcel of its own, since a
 * parcel takes one unfinished dossier per procedure.
 */
export function bulkTransferRequest(k: number, overrides: Record<string, unknown> = {}) {
  const parcel = bulkParcels(k + 1)[k];
  return {
    channel: 'COUNTER',
    resultDelivery: 'COUNTER',
    parcel: parcel.ref,
    certificateSerial: parcel.certificate.serial,
    transferKind: 'SALE',
    contractDate: '2026-11-10',
    declaredPriceVnd: 3_000_000_000,
    sellers: parcel.owners.map((o) => ({
      fullName: o.fullName,
      citizenId: o.citizenId,
      address: o.address,
      relationshipToBuyer: 'NONE',
      ownsOtherResidentialProperty: true,
    })),
    buyers: [BUYER],
    applicant: { fullName: BUYER.fullName, phone: '0912345678', email: 'khang.pham@example.vn' },
    ...overrides,
  };
}

export async function post(
  baseUrl: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  // Answers are loosely typed on purpose: the tests look at whatever the API returned.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, any> };
}
