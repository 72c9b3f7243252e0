import type { ObligationLine } from '@lien-thong/tax-rules';
import { toVnd } from './money';

type WithNumbers<T, K extends keyof T> = Omit<T, K> & { [P in K]: number };

/**
 * An obligation line as stored and shown to officers: everything the rules library said
 * about it (base and where it came from, rate, exemption, inputs, legal basis, rule file),
 * with amounts as whole-VND numbers.
 */
export type StoredLine = WithNumbers<
  Omit<ObligationLine, 'dueDates'> & {
    dueDates: WithNumbers<ObligationLine['dueDates'][number], 'amountVnd'>[];
  },
  'baseVnd' | 'amountVnd'
>;

export function toStoredLine(line: ObligationLine): StoredLine {
  return {
    ...line,
    baseVnd: toVnd(line.baseVnd),
    amountVnd: toVnd(line.amountVnd),
    dueDates: line.dueDates.map((due) => ({ ...due, amountVnd: toVnd(due.amountVnd) })),
  };
}
