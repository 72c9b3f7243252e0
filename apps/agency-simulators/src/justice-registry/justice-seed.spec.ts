import { loadJusticeSeed, parcelKey } from './justice-seed';
import { parcelStatus } from './parcel-status';

describe('the Justice registry seed file', () => {
  const seed = loadJusticeSeed();

  it('validates against the contract classes and names each parcel once', () => {
    const keys = seed.map((entry) => parcelKey(entry.parcel));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('covers every non-clear status in Phường Ba Đình, map sheet 12', () => {
    const statuses = seed
      .filter((entry) => entry.parcel.communeCode === '00004' && entry.parcel.mapSheetNumber === 12)
      .map((entry) => parcelStatus(entry));
    expect(new Set(statuses)).toEqual(new Set(['MORTGAGED', 'BLOCKED', 'DISPUTED']));
  });

  it('refuses an entry that does not match the contract', () => {
    expect(() =>
      loadJusticeSeed({
        parcels: [{ parcel: { communeCode: '4', mapSheetNumber: 12, parcelNumber: 1 } }],
      }),
    ).toThrow(/parcels\[0\] is invalid/);
  });
});

describe('parcelStatus', () => {
  it('ranks a hold above a dispute above a mortgage', () => {
    expect(parcelStatus({ holds: [{}], dispute: {}, mortgage: {} })).toBe('BLOCKED');
    expect(parcelStatus({ holds: [], dispute: {}, mortgage: {} })).toBe('DISPUTED');
    expect(parcelStatus({ mortgage: {} })).toBe('MORTGAGED');
    expect(parcelStatus({})).toBe('CLEAR');
  });
});
