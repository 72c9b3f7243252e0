import fc from 'fast-check';
import {
  formatAreaVi,
  formatFractionVi,
  formatRateVi,
  formatVndVi,
  frac,
  parseAreaM2,
  parseDecimal,
  roundVnd,
} from './money';

describe('money', () => {
  it('rounds half up to whole VND, or down when a rule file says so', () => {
    expect(
      [frac(1n, 2n), frac(3n, 2n), frac(49n, 100n), frac(7n)].map((f) =>
        roundVnd(f, 'HALF_UP_TO_VND'),
      ),
    ).toEqual([1n, 2n, 0n, 7n]);
    expect(roundVnd(frac(19n, 10n), 'DOWN_TO_VND')).toBe(1n);
    expect(() => roundVnd(frac(-1n), 'HALF_UP_TO_VND')).toThrow('TAX_RULES.INVALID_INPUT');
  });

  it('stays exact for amounts far beyond 2^53', () => {
    const huge = frac(12_345_678_901_234_567_891n * 2n + 1n, 2n);
    expect(roundVnd(huge, 'HALF_UP_TO_VND')).toBe(12_345_678_901_234_567_892n);
  });

  it('reads areas with one decimal and rejects more precision', () => {
    expect(parseAreaM2('100.5')).toBe(1005);
    expect(parseAreaM2('100,5')).toBe(1005);
    expect(parseAreaM2('90')).toBe(900);
    expect(() => parseAreaM2('100.55')).toThrow('TAX_RULES.INVALID_INPUT');
    expect(() => parseAreaM2('-1')).toThrow('TAX_RULES.INVALID_INPUT');
  });

  it('reads decimal factors exactly', () => {
    expect(parseDecimal('1.15')).toEqual({ num: 115n, den: 100n });
    expect(formatFractionVi(parseDecimal('1.15'))).toBe('1,15');
  });

  it('formats amounts, areas and rates the Vietnamese way', () => {
    expect(formatVndVi(4_000_000_000n)).toBe('4.000.000.000 đồng');
    expect(formatAreaVi(1005)).toBe('100,5 m²');
    expect(formatAreaVi(12345)).toBe('1.234,5 m²');
    expect(formatRateVi(50)).toBe('0,5%');
    expect(formatRateVi(200)).toBe('2%');
    expect(formatRateVi(1025)).toBe('10,25%');
  });

  it('rounds within half a VND of the exact value', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 16n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        (num, den) => {
          const rounded = roundVnd(frac(num, den), 'HALF_UP_TO_VND');
          const error = rounded * 2n * den - 2n * num;
          expect(error > -den && error <= den).toBe(true);
        },
      ),
    );
  });
});
