import { FeeLineRule, OnlineReduction } from './fee-data';

export const FEE_CHANNELS = ['ONLINE', 'COUNTER'] as const;
export type FeeChannel = (typeof FEE_CHANNELS)[number];

/** One fee line as a receipt prints it; the shape of `FeeLineV1` (@lien-thong/contracts). */
export interface FeeLine {
  code: string;
  labelVi: string;
  /** Integer VND to pay. */
  amountVnd: number;
  /** The amount before the online reduction, only when one applied. */
  fullAmountVnd?: number;
  /** The People's Council decision setting the fee, and the one reducing it when it did. */
  decisionVi: string;
}

/**
 * The amount after a reduction of `rateBasisPoints` (2 500 = 25 %), rounded DOWN to the whole
 * VND: the decisions state a percentage, not a rounding, so a fraction of a dong is left to
 * the payer. Integer arithmetic (amounts are at most 10^8, times 10^4 stays exact).
 */
export function reducedAmount(fullAmountVnd: number, rateBasisPoints: number): number {
  return Math.floor((fullAmountVnd * (10_000 - rateBasisPoints)) / 10_000);
}

/** "25%", "12,5%": the rate as a Vietnamese text writes it. */
export function formatRateVi(rateBasisPoints: number): string {
  return `${String(rateBasisPoints / 100).replace('.', ',')}%`;
}

/**
 * The line for one channel: at the counter always the full amount; online, reduced only when
 * the province's reduction lists this line's code (and there is something to reduce).
 */
export function priceLine(
  rule: FeeLineRule,
  fullAmountVnd: number,
  channel: FeeChannel,
  reduction: OnlineReduction | undefined,
): FeeLine {
  const line: FeeLine = {
    code: rule.code,
    labelVi: rule.labelVi,
    amountVnd: fullAmountVnd,
    decisionVi: rule.decisionVi,
  };
  if (channel !== 'ONLINE' || !reduction?.appliesTo.includes(rule.code) || fullAmountVnd === 0)
    return line;
  return {
    ...line,
    amountVnd: reducedAmount(fullAmountVnd, reduction.rateBasisPoints),
    fullAmountVnd,
    decisionVi: `${rule.decisionVi}; giảm ${formatRateVi(reduction.rateBasisPoints)} khi nộp hồ sơ trực tuyến theo ${reduction.decisionVi}`,
  };
}
