import { LocalDate } from '@lien-thong/calendar';
import type { PurposeChangeSlipSentV1, SlipProblemV1 } from '@lien-thong/contracts';
import {
  assessPurposeChange,
  LAND_USE_PURPOSES,
  landUseLevyRulesOn,
  LandUsePurpose,
  PurposeChangeInput,
  RuleBook,
} from '@lien-thong/tax-rules';
import { SlipEvaluation, withRules } from './slip-evaluation-result';
import { missingNames, problem, SlipProblemCode } from './slip-problems';
import { slipDate } from './slip-to-transfer';

const known = (code: string): LandUsePurpose | undefined =>
  LAND_USE_PURPOSES.find((purpose) => purpose === code);

/**
 * A purpose-change slip: the land-use levy (Decree 103/2024 art. 8) on the converted area,
 * by the rules and price table in force on the date of the decision allowing the change;
 * payable 50 % within 30 days of the notice and the rest within 90 (Decree 126/2020 art. 18),
 * one notice per instalment.
 */
export function evaluatePurposeChangeSlip(
  slip: PurposeChangeSlipSentV1,
  noticeIssuedOn: LocalDate,
  rules: RuleBook,
): SlipEvaluation {
  const from = known(slip.fromPurpose);
  const to = known(slip.toPurpose);
  const problems = purposeChangeProblems(slip, from, to);
  if (problems.length > 0 || !from || !to) return { kind: 'INCOMPLETE', problems };
  const decisionDate = slipDate(slip.decision.date);
  return withRules(
    () => assessPurposeChange(toPurposeChangeInput(slip, from, to, noticeIssuedOn), { rules }),
    {
      parcel: slip.parcel,
      purposes: [
        { purpose: to, field: 'toPurpose' },
        { purpose: from, field: 'fromPurpose' },
      ],
      priceDates: [decisionDate],
      rules: [
        {
          field: 'decision.date',
          on: decisionDate,
          what: 'tiền sử dụng đất',
          lookUp: (book) => landUseLevyRulesOn(book, decisionDate),
        },
      ],
    },
    rules,
  );
}

/**
 * The household or individual using the land pays, under the first land user's code in
 * every land user's name (the slip's land users are one household).
 */
export function toPurposeChangeInput(
  slip: PurposeChangeSlipSentV1,
  fromPurpose: LandUsePurpose,
  toPurpose: LandUsePurpose,
  noticeIssuedOn: LocalDate,
): PurposeChangeInput {
  const { parcel } = slip;
  return {
    landUser: {
      id: slip.landUsers[0].citizenId,
      nameVi: slip.landUsers.map((u) => u.fullName).join(', '),
      kind: 'HOUSEHOLD_OR_INDIVIDUAL',
    },
    location: {
      provinceCode: parcel.provinceCode,
      communeCode: parcel.ref.communeCode,
      zoneCode: parcel.priceZone,
      position: parcel.pricePosition,
    },
    areaTenthsM2: slip.convertedAreaTenthsM2,
    fromPurpose,
    toPurpose,
    decisionDate: slipDate(slip.decision.date),
    parcelHasResidentialLand: slip.parcelHasResidentialLand,
    householdUsedReducedTiers: slip.householdUsedReducedTiers,
    noticeIssuedOn,
  };
}

function purposeChangeProblems(
  slip: PurposeChangeSlipSentV1,
  from: LandUsePurpose | undefined,
  to: LandUsePurpose | undefined,
): SlipProblemV1[] {
  const problems = missingNames(slip.landUsers, 'landUsers', 'người sử dụng đất');
  for (const [field, code, found] of [
    ['fromPurpose', slip.fromPurpose, from],
    ['toPurpose', slip.toPurpose, to],
  ] as const) {
    if (!found)
      problems.push(
        problem(
          field,
          SlipProblemCode.PURPOSE_NOT_SUPPORTED,
          `Mục đích sử dụng đất "${code}" không có trong bảng giá đất để xác định tiền sử dụng đất`,
        ),
      );
  }
  if (slip.convertedAreaTenthsM2 > slip.parcel.areaTenthsM2)
    problems.push(
      problem(
        'convertedAreaTenthsM2',
        SlipProblemCode.AREA_EXCEEDS_PARCEL,
        'Diện tích chuyển mục đích lớn hơn diện tích thửa đất',
      ),
    );
  return problems;
}
