import { LocalDate } from '@lien-thong/calendar';
import type { TransferSlipSentV1 } from '@lien-thong/contracts';
import {
  assessInheritance,
  assessTransfer,
  LandUsePurpose,
  pitRulesOn,
  registrationFeeRulesOn,
  RuleBook,
} from '@lien-thong/tax-rules';
import { RulesAsked } from './rules-problems';
import { withRules, SlipEvaluation } from './slip-evaluation-result';
import { slipProblems } from './slip-problems';
import { purposeOf, slipDate, toInheritanceInput, toTransferInput } from './slip-to-transfer';

/**
 * A transfer slip (form 19): a sale, a gift, a division on divorce, or an inheritance. An
 * inheritance that names its heirs is assessed per heir; without heirs it is assessed as
 * before, on the buyers together.
 */
export function evaluateTransferSlip(
  slip: TransferSlipSentV1,
  noticeIssuedOn: LocalDate,
  rules: RuleBook,
): SlipEvaluation {
  const problems = slipProblems(slip);
  const purpose = purposeOf(slip);
  if (problems.length > 0 || !purpose) return { kind: 'INCOMPLETE', problems };
  const heirs = slip.transferKind === 'INHERITANCE' ? slip.heirs : undefined;
  return withRules(
    () =>
      heirs
        ? assessInheritance(toInheritanceInput({ ...slip, heirs }, purpose, noticeIssuedOn), {
            rules,
          })
        : assessTransfer(toTransferInput(slip, purpose, noticeIssuedOn), { rules }),
    asked(slip, purpose),
    rules,
  );
}

function asked(slip: TransferSlipSentV1, purpose: LandUsePurpose): RulesAsked {
  const contractDate = slipDate(slip.contractDate);
  const declarationDate = slipDate(slip.declarationDate);
  return {
    parcel: slip.parcel,
    purposes: [{ purpose, field: 'parcel.purposeCode' }],
    priceDates: [contractDate, declarationDate],
    rules: [
      {
        field: 'contractDate',
        on: contractDate,
        what: 'thuế thu nhập cá nhân',
        lookUp: (book) => pitRulesOn(book, contractDate),
      },
      {
        field: 'declarationDate',
        on: declarationDate,
        what: 'lệ phí trước bạ',
        lookUp: (book) => registrationFeeRulesOn(book, declarationDate),
      },
    ],
  };
}
