import { invalidInput } from './errors';
import { BaseSource, InputUsed, Transferor } from './model';
import { compare, Fraction, formatVndVi, frac } from './money';
import { BaseRule } from './rules';

export interface ChosenBase {
  base: Fraction;
  source: BaseSource;
  inputs: InputUsed[];
}

/**
 * The higher of the contract price and the table value. A missing or zero price means the
 * table. On a tie the instrument decides: the income tax uses the table only when the price is
 * *lower* (so a tie keeps the contract price), the fee uses the contract only when it is
 * *higher* (so a tie keeps the table) — both read from the rule file's `onTie`.
 */
export function chooseBase(
  rule: BaseRule,
  contractPriceVnd: bigint | null | undefined,
  tableValue: Fraction,
): ChosenBase {
  const price = contractPriceVnd ?? 0n;
  if (price < 0n) invalidInput('contractPriceVnd must not be negative');
  const inputs: InputUsed[] = [
    {
      key: 'contractPriceVnd',
      labelVi: 'Giá trên hợp đồng',
      value: price === 0n ? 'Không ghi giá' : formatVndVi(price),
    },
  ];
  if (price === 0n) return { base: tableValue, source: 'PRICE_TABLE', inputs };
  const order = compare(frac(price), tableValue);
  const source: BaseSource = order > 0 ? 'CONTRACT_PRICE' : order < 0 ? 'PRICE_TABLE' : rule.onTie;
  return { base: source === 'CONTRACT_PRICE' ? frac(price) : tableValue, source, inputs };
}

/**
 * Each transferor's share as a fraction. With no share given anywhere the shares are equal
 * (co-owners with no document saying otherwise); otherwise every share must be given and they
 * must add up to exactly one.
 */
export function resolveShares(transferors: readonly Transferor[]): Fraction[] {
  if (transferors.length === 0) invalidInput('at least one transferor is required');
  const given = transferors.filter((t) => t.share !== undefined).length;
  if (given === 0) return transferors.map(() => frac(1n, BigInt(transferors.length)));
  if (given !== transferors.length) invalidInput('give a share for every transferor or for none');
  const shares = transferors.map((t) => {
    const numerator = t.share?.numerator ?? 0;
    const denominator = t.share?.denominator ?? 0;
    if (
      !Number.isSafeInteger(numerator) ||
      !Number.isSafeInteger(denominator) ||
      numerator <= 0 ||
      denominator <= 0
    ) {
      invalidInput(`share of ${t.id} must be a positive fraction`);
    }
    return frac(BigInt(numerator), BigInt(denominator));
  });
  const sum = shares.reduce((a, b) => frac(a.num * b.den + b.num * a.den, a.den * b.den), frac(0n));
  if (sum.num !== sum.den) invalidInput('shares must add up to exactly 1');
  return shares;
}

/** `1/2` for display. */
export function formatShare(share: Fraction): string {
  return `${share.num}/${share.den}`;
}
