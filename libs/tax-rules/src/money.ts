import { invalidInput } from './errors';

/**
 * Exact arithmetic for money. Amounts reach ~1e13 VND and areas carry a tenth of a m², so
 * values are kept as exact fractions of bigints and rounded once, at the end of a line.
 */
export interface Fraction {
  num: bigint;
  /** Always positive. */
  den: bigint;
}

/** How a line's exact amount becomes whole VND (no legal rule was found; see README). */
export type RoundingMode = 'HALF_UP_TO_VND' | 'DOWN_TO_VND';

export const ONE: Fraction = { num: 1n, den: 1n };
export const ZERO: Fraction = { num: 0n, den: 1n };

export function frac(num: bigint, den = 1n): Fraction {
  if (den === 0n) invalidInput('division by zero');
  return den < 0n ? { num: -num, den: -den } : { num, den };
}

export function mul(...factors: Fraction[]): Fraction {
  return factors.reduce((a, b) => frac(a.num * b.num, a.den * b.den), ONE);
}

export function add(a: Fraction, b: Fraction): Fraction {
  return frac(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Fraction, b: Fraction): Fraction {
  return add(a, { num: -b.num, den: b.den });
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compare(a: Fraction, b: Fraction): number {
  const diff = a.num * b.den - b.num * a.den;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

export function max(a: Fraction, b: Fraction): Fraction {
  return compare(a, b) >= 0 ? a : b;
}

/** Basis points as a fraction: 200 bp = 2 % = 1/50. */
export function basisPoints(bp: number): Fraction {
  return frac(BigInt(bp), 10_000n);
}

/** Whole VND from an exact non-negative amount. Half up: 0.5 VND becomes 1 VND. */
export function roundVnd(value: Fraction, mode: RoundingMode): bigint {
  if (value.num < 0n) invalidInput('amounts are never negative');
  switch (mode) {
    case 'HALF_UP_TO_VND':
      return (2n * value.num + value.den) / (2n * value.den);
    case 'DOWN_TO_VND':
      return value.num / value.den;
  }
}

/** `"1.15"` → 115/100. Used for adjustment factors, which the tables write as decimals. */
export function parseDecimal(text: string): Fraction {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) invalidInput(`not a non-negative decimal: ${text}`);
  const decimals = match[2] ?? '';
  return frac(BigInt(match[1] + decimals), 10n ** BigInt(decimals.length));
}

/**
 * Area in tenths of a m² from a decimal string with at most one decimal place, as written on
 * certificates: `"100.5"` → 1005. Commas are accepted as the decimal mark.
 */
export function parseAreaM2(text: string): number {
  const match = /^(\d+)(?:[.,](\d))?$/.exec(text.trim());
  if (!match) invalidInput(`area must be m² with at most one decimal, got ${text}`);
  const tenths = Number(match[1]) * 10 + Number(match[2] ?? '0');
  if (!Number.isSafeInteger(tenths)) invalidInput(`area too large: ${text}`);
  return tenths;
}

/** `1005` tenths → `"100,5 m²"` as Vietnamese documents write it. */
export function formatAreaVi(tenthsM2: number): string {
  return `${groupThousands(String(Math.floor(tenthsM2 / 10)))},${tenthsM2 % 10} m²`;
}

/** `80000000n` → `"80.000.000 đồng"`. */
export function formatVndVi(amount: bigint): string {
  return `${groupThousands(amount.toString())} đồng`;
}

/** `50` bp → `"0,5%"`, `200` bp → `"2%"`. */
export function formatRateVi(bp: number): string {
  const whole = Math.floor(bp / 100);
  const rest = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return rest ? `${whole},${rest}%` : `${whole}%`;
}

/** A factor for display: 115/100 → `"1,15"`. */
export function formatFractionVi(value: Fraction): string {
  if (value.num % value.den === 0n) return (value.num / value.den).toString();
  let den = value.den;
  let digits = 0;
  while (den % 10n === 0n) {
    den /= 10n;
    digits++;
  }
  if (den !== 1n) return `${value.num}/${value.den}`;
  const text = value.num.toString().padStart(digits + 1, '0');
  return `${text.slice(0, -digits)},${text.slice(-digits)}`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
