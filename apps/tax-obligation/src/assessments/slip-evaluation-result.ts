import type { SlipProblemV1 } from '@lien-thong/contracts';
import { Assessment, RuleBook, TaxRulesErrorCode, TaxRulesException } from '@lien-thong/tax-rules';
import { problemsBehind, RulesAsked } from './rules-problems';

export type SlipEvaluation =
  { kind: 'ASSESSED'; assessment: Assessment } | { kind: 'INCOMPLETE'; problems: SlipProblemV1[] };

/**
 * Runs the rules library on a slip. When the slip does not let the law be applied (a date no
 * rule covers, a place the price table does not price), the problems go back to the land
 * office, naming the fields behind them. A broken rule file is our fault, not the slip's: it
 * is thrown, never returned to the land office.
 */
export function withRules(
  compute: () => Assessment,
  asked: RulesAsked,
  rules: RuleBook,
): SlipEvaluation {
  try {
    return { kind: 'ASSESSED', assessment: compute() };
  } catch (error) {
    if (!(error instanceof TaxRulesException) || error.code === TaxRulesErrorCode.INVALID_RULE_FILE)
      throw error;
    return { kind: 'INCOMPLETE', problems: problemsBehind(error, asked, rules) };
  }
}
