import { LocalDate } from '@lien-thong/calendar';
import type { HouseSlipSentV1 } from '@lien-thong/contracts';
import {
  assessHouseRegistration,
  HouseRegistrationInput,
  registrationFeeRulesOn,
  remainingQualityFor,
  RuleBook,
} from '@lien-thong/tax-rules';
import { SlipEvaluation, withRules } from './slip-evaluation-result';
import { missingNames } from './slip-problems';
import { slipDate } from './slip-to-transfer';

/**
 * A house-registration slip: the registration fee (0.5 %) on the house alone, valued at its
 * floor area × the province's new-build price for its grade × its remaining quality, by the
 * rules in force on the declaration date (Decree 10/2022 art. 7, 8).
 */
export function evaluateHouseSlip(
  slip: HouseSlipSentV1,
  noticeIssuedOn: LocalDate,
  rules: RuleBook,
): SlipEvaluation {
  const problems = missingNames(slip.owners, 'owners', 'chủ sở hữu nhà');
  if (problems.length > 0) return { kind: 'INCOMPLETE', problems };
  const declarationDate = slipDate(slip.declarationDate);
  return withRules(
    () => assessHouseRegistration(toHouseInput(slip, noticeIssuedOn), { rules }),
    {
      parcel: slip.parcel,
      purposes: [],
      priceDates: [],
      houseOn: declarationDate,
      rules: [
        {
          field: 'declarationDate',
          on: declarationDate,
          what: 'lệ phí trước bạ',
          lookUp: (book) => registrationFeeRulesOn(book, declarationDate),
        },
        {
          field: 'declarationDate',
          on: declarationDate,
          what: 'tỷ lệ chất lượng còn lại của nhà',
          lookUp: (book) => remainingQualityFor(book.remainingQuality, declarationDate, 0),
        },
      ],
    },
    rules,
  );
}

/**
 * The owners register one house together: one fee line, owed under the first owner's code
 * in every owner's name (as a transfer's buyers).
 */
export function toHouseInput(
  slip: HouseSlipSentV1,
  noticeIssuedOn: LocalDate,
): HouseRegistrationInput {
  return {
    owner: {
      id: slip.owners[0].citizenId,
      nameVi: slip.owners.map((o) => o.fullName).join(', '),
    },
    provinceCode: slip.parcel.provinceCode,
    house: {
      grade: slip.house.grade,
      floorAreaTenthsM2: slip.house.floorAreaTenthsM2,
      builtYear: slip.house.builtYear,
    },
    declarationDate: slipDate(slip.declarationDate),
    noticeIssuedOn,
  };
}
