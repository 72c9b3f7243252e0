import { aPurposeChange } from './__fixtures__/transfer.factory';
import { assessPurposeChange } from './land-use-levy';

describe('assessPurposeChange: land-use levy on a change of purpose', () => {
  it('charges a household 30 % / 50 % / 100 % of the difference against the allocation limit', () => {
    // Xã Ba Vì: ONT 3,500,000 − CLN 250,000 = 3,250,000 VND/m²; limit 150.0 m²; 400.0 m² converted.
    const { lines, totalVnd } = assessPurposeChange(aPurposeChange());
    expect(lines.map((l) => [l.labelVi, l.baseVnd, l.rate.basisPoints, l.amountVnd])).toEqual([
      [
        'Tiền sử dụng đất (phần diện tích trong hạn mức giao đất ở)',
        487_500_000n,
        3000,
        146_250_000n,
      ],
      [
        'Tiền sử dụng đất (phần vượt hạn mức, không quá 01 lần hạn mức)',
        487_500_000n,
        5000,
        243_750_000n,
      ],
      ['Tiền sử dụng đất (phần vượt quá 01 lần hạn mức)', 325_000_000n, 10000, 325_000_000n],
    ]);
    expect(totalVnd).toBe(715_000_000n);
    expect(lines[0].taxpayer).toMatchObject({ id: 'household-1', role: 'LAND_USER' });
    expect(lines[0].inputs.find((i) => i.key === 'allocationLimitM2')?.value).toBe('150,0 m²');
  });

  it('uses only the first tier for an area within the limit', () => {
    const { lines } = assessPurposeChange(aPurposeChange({ areaTenthsM2: 1000 }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ rate: { basisPoints: 3000 }, amountVnd: 97_500_000n });
  });

  it('charges 100 % when the household already used the reduced tiers once', () => {
    const { lines } = assessPurposeChange(aPurposeChange({ householdUsedReducedTiers: true }));
    expect(lines.map((l) => [l.labelVi, l.amountVnd])).toEqual([
      ['Tiền sử dụng đất', 1_300_000_000n],
    ]);
  });

  it('charges 100 % to an organisation or outside a parcel with residential land', () => {
    const org = aPurposeChange({ landUser: { id: 'org', kind: 'ORGANISATION' } });
    expect(assessPurposeChange(org).totalVnd).toBe(1_300_000_000n);
    expect(assessPurposeChange(aPurposeChange({ parcelHasResidentialLand: false })).totalVnd).toBe(
      1_300_000_000n,
    );
  });

  it('applies the rules in force at the decision date: no tiers before the amendment', () => {
    // 2025 sample table: ONT 3,200,000 − CLN 200,000 = 3,000,000 VND/m² (rounded sample prices).
    const { lines } = assessPurposeChange(aPurposeChange({ decisionDate: '2025-08-01' }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      ruleSetId: 'LAND-USE-LEVY-2024-08-01',
      rate: { basisPoints: 10000 },
    });
    expect(lines[0].amountVnd).toBe(1_200_000_000n);
  });

  it('never charges a negative levy', () => {
    const { lines, totalVnd } = assessPurposeChange(
      aPurposeChange({ fromPurpose: 'ONT', toPurpose: 'CLN' }),
    );
    expect(totalVnd).toBe(0n);
    expect(lines.every((l) => l.amountVnd === 0n && l.baseVnd === 0n)).toBe(true);
  });

  it('splits each line into 50 % at 30 days and 50 % at 90 days, rolled to working days', () => {
    const { lines } = assessPurposeChange(aPurposeChange({ noticeIssuedOn: '2026-03-02' }));
    expect(lines[0].dueDates.map((d) => [d.installment, d.amountVnd, d.dueOn])).toEqual([
      [1, 73_125_000n, '2026-04-01'],
      // 2 March + 90 days = Sunday 31 May 2026 → Monday 1 June.
      [2, 73_125_000n, '2026-06-01'],
    ]);
  });

  it('rejects a non-positive area', () => {
    expect(() => assessPurposeChange(aPurposeChange({ areaTenthsM2: 0 }))).toThrow(
      'TAX_RULES.INVALID_INPUT',
    );
  });
});
