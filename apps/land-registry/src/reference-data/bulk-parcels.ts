import { Parcel, parcelKey } from './schemas/parcel.schema';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const GIVEN = ['Minh', 'Hương', 'Quang', 'Thu', 'Đức', 'Hà', 'Khánh', 'Linh', 'Tuấn', 'Yến'];

/**
 * Deterministic extra parcels for load tests and demos: commune 00004, map sheets from 50
 * up, each parcel clear at the registry (the simulator seeds encumbrances on sheet 12 only).
 */
export function bulkParcels(count: number): Omit<Parcel, 'handledEvents' | 'ownerHistory'>[] {
  return Array.from({ length: count }, (_, i) => {
    const ref = {
      communeCode: '00004',
      mapSheetNumber: 50 + Math.floor(i / 1000),
      parcelNumber: 1 + (i % 1000),
    };
    const fullName = `${FAMILY[i % 10]} Văn ${GIVEN[Math.floor(i / 10) % 10]}`;
    const address = `Số ${1 + (i % 300)}, phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội`;
    return {
      _id: parcelKey(ref),
      ref,
      provinceCode: '01',
      address,
      areaTenthsM2: 600 + (i % 50) * 10,
      purposeCode: 'ODT',
      term: 'Lâu dài',
      origin: 'Nhà nước công nhận quyền sử dụng đất',
      priceZone: 'DOI-CAN',
      pricePosition: 1 + (i % 4),
      certificate: {
        serial: `CT${String(30_000_000 + i).padStart(8, '0')}`,
        issuedOn: '2018-03-15',
      },
      owners: [
        {
          fullName,
          // Hà Nội birth registration (001), male born in the 1970s–80s.
          citizenId: `0010${70 + (i % 20)}${String(200_000 + i).padStart(6, '0')}`,
          address,
          shareNumerator: 1,
          shareDenominator: 1,
        },
      ],
    };
  });
}
