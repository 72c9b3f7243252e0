import { LocalDate } from '@lien-thong/calendar';
import { bundledRuleBook, RuleBook } from '@lien-thong/tax-rules';
import { evaluateHouseSlip } from './house-slip';
import { evaluatePurposeChangeSlip } from './purpose-change-slip';
import { Slip } from './slip';
import { SlipEvaluation } from './slip-evaluation-result';
import { evaluateTransferSlip } from './transfer-slip';

export type { SlipEvaluation } from './slip-evaluation-result';

/**
 * Every amount of a slip, computed by the rules library alone; or, when the slip does not
 * let the law be applied, the problems to send back to the land office. One evaluator per
 * kind of slip; what follows (filing, payment order, events) is the same for all.
 */
export function evaluateSlip(
  slip: Slip,
  noticeIssuedOn: LocalDate,
  rules: RuleBook = bundledRuleBook(),
): SlipEvaluation {
  switch (slip.kind) {
    case 'TRANSFER':
      return evaluateTransferSlip(slip.payload, noticeIssuedOn, rules);
    case 'PURPOSE_CHANGE':
      return evaluatePurposeChangeSlip(slip.payload, noticeIssuedOn, rules);
    case 'HOUSE':
      return evaluateHouseSlip(slip.payload, noticeIssuedOn, rules);
  }
}
