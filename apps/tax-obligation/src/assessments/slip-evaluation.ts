import { LocalDate } from '@lien-thong/calendar';
import type { SlipProblemV1, TransferSlipSentV1 } from '@lien-thong/contracts';
import {
  assessTransfer,
  Assessment,
  bundledRuleBook,
  RuleBook,
  TaxRulesErrorCode,
  TaxRulesException,
} from '@lien-thong/tax-rules';
import { problemsBehind } from './rules-problems';
import { slipProblems } from './slip-problems';
import { purposeOf, toTransferInput } from './slip-to-transfer';

export type SlipEvaluation =
  { kind: 'ASSESSED'; assessment: Assessment } | { kind: 'INCOMPLETE'; problems: SlipProblemV1[] };

/**
 * Every amount of a slip, computed by the rules library alone; or, when the slip does not
 * let the law be applied (a fact missing, a place the price table does not price), the
 * problems to send back to the land office. A broken rule file is our fault, not the
 * slip's: it is thrown, never returned to the land office.
 */
export function evaluateSlip(
  slip: TransferSlipSentV1,
  noticeIssuedOn: LocalDate,
  rules: RuleBook = bundledRuleBook(),
): SlipEvaluation {
  const problems = slipProblems(slip);
  const purpose = purposeOf(slip);
  if (problems.length > 0 || !purpose) return { kind: 'INCOMPLETE', problems };
  try {
    const assessment = assessTransfer(toTransferInput(slip, purpose, noticeIssuedOn), { rules });
    return { kind: 'ASSESSED', assessment };
  } catch (error) {
    if (!(error instanceof TaxRulesException) || error.code === TaxRulesErrorCode.INVALID_RULE_FILE)
      throw error;
    return { kind: 'INCOMPLETE', problems: problemsBehind(error, slip, purpose, rules) };
  }
}
