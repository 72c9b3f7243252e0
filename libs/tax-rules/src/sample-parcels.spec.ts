import { assessPurposeChange } from './land-use-levy';
import { PurposeChangeInput } from './model';

/**
 * The land registry's sample parcels (apps/land-registry reference data) that a demo of a
 * change of purpose uses: garden land (CLN) converted to residential land, in both provinces.
 */
function onSampleParcel(overrides: Partial<PurposeChangeInput>): PurposeChangeInput {
  return {
    landUser: { id: '001060100000', nameVi: 'Nguyễn Văn An', kind: 'HOUSEHOLD_OR_INDIVIDUAL' },
    location: { provinceCode: '01', communeCode: '09904', zoneCode: 'DT87', position: 1 },
    areaTenthsM2: 1000,
    fromPurpose: 'CLN',
    toPurpose: 'ONT',
    decisionDate: '2026-03-02',
    parcelHasResidentialLand: true,
    householdUsedReducedTiers: false,
    noticeIssuedOn: '2026-03-09',
    ...overrides,
  };
}

describe('a change of purpose on the sample parcels, payable in two instalments', () => {
  it('Xã Ba Vì 09904/31/205 (DT87 VT1), CLN → ONT: 30 % within the limit, 50 % at 30 and 90 days', () => {
    // (8,000,000 − 300,000) × 100.0 m² × 30 % = 231,000,000.
    const { lines, totalVnd } = assessPurposeChange(onSampleParcel({}));
    expect(totalVnd).toBe(231_000_000n);
    expect(lines[0].dueDates.map((d) => [d.installment, d.amountVnd, d.dueOn])).toEqual([
      [1, 115_500_000n, '2026-04-08'],
      [2, 115_500_000n, '2026-06-08'],
    ]);
  });

  it('An Giang 30280/8/12 (Trần Hưng Đạo VT1), CLN → ODT', () => {
    // (30,000,000 − 900,000) × 100.0 m² × 30 % = 873,000,000.
    const input = onSampleParcel({
      location: {
        provinceCode: '91',
        communeCode: '30280',
        zoneCode: 'TRAN-HUNG-DAO',
        position: 1,
      },
      toPurpose: 'ODT',
    });
    expect(assessPurposeChange(input).totalVnd).toBe(873_000_000n);
  });

  it.each([
    ['01', '09904', 'DT87', 2, 'HNK', 'ONT'],
    ['91', '30280', 'TRAN-HUNG-DAO', 2, 'HNK', 'ODT'],
    ['91', '30280', 'TRAN-HUNG-DAO', 3, 'LUC', 'ODT'],
  ] as const)(
    'prices %s/%s %s VT%i from %s to %s',
    (provinceCode, communeCode, zoneCode, position, from, to) => {
      const input = onSampleParcel({
        location: { provinceCode, communeCode, zoneCode, position },
        fromPurpose: from,
        toPurpose: to,
      });
      expect(assessPurposeChange(input).totalVnd).toBeGreaterThan(0n);
    },
  );
});
