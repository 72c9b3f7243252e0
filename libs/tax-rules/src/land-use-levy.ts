import { isLocalDate, vietnamCalendar, WorkingCalendar } from '@lien-thong/calendar';
import { TaxRulesErrorCode, TaxRulesException, invalidInput } from './errors';
import { LINE_LABELS_VI, PURPOSE_NAMES_VI } from './labels';
import { Assessment, InputUsed, ObligationLine, PurposeChangeInput } from './model';
import {
  basisPoints,
  compare,
  formatAreaVi,
  formatRateVi,
  formatVndVi,
  frac,
  mul,
  roundVnd,
  sub,
  ZERO,
} from './money';
import { dueDates } from './payment';
import { lookupUnitPrice, priceTableFor } from './price-table';
import { bundledRuleBook, landUseLevyRulesOn, RuleBook } from './rule-book';
import { LandUseLevyRuleSet, LevyBand } from './rules';
import { describePrice } from './valuation';

/**
 * Land-use levy on a change of purpose (Decree 103/2024 art. 8): the value under the new
 * purpose minus the value under the old one, never below zero. A household converting garden
 * or farm land in a parcel that already has residential land pays reduced tiers against the
 * residential allocation limit, once per household, when the rules in force have them.
 * One line per tier, so the notice shows each rate on its own.
 */
export function assessPurposeChange(
  input: PurposeChangeInput,
  options: { rules?: RuleBook; calendar?: WorkingCalendar } = {},
): Assessment {
  const book = options.rules ?? bundledRuleBook();
  const calendar = options.calendar ?? vietnamCalendar();
  if (!Number.isSafeInteger(input.areaTenthsM2) || input.areaTenthsM2 <= 0) {
    invalidInput('areaTenthsM2 must be a positive integer');
  }
  if (!isLocalDate(input.decisionDate)) invalidInput('decisionDate must be YYYY-MM-DD');
  const rules = landUseLevyRulesOn(book, input.decisionDate);
  const table = priceTableFor(book.priceTables, input.location.provinceCode, input.decisionDate);
  const newPrice = lookupUnitPrice(table, input.location, input.toPurpose);
  const oldPrice = lookupUnitPrice(table, input.location, input.fromPurpose);
  const perM2 = sub(
    mul(frac(newPrice.unitPriceVnd), newPrice.adjustmentFactor),
    mul(frac(oldPrice.unitPriceVnd), oldPrice.adjustmentFactor),
  );
  const positive = compare(perM2, ZERO) > 0 ? perM2 : ZERO;

  const common: InputUsed[] = [
    {
      key: 'decisionDate',
      labelVi: 'Ngày quyết định cho phép chuyển mục đích',
      value: input.decisionDate,
    },
    {
      key: 'convertedAreaM2',
      labelVi: 'Diện tích chuyển mục đích',
      value: formatAreaVi(input.areaTenthsM2),
    },
    ...describePrice(newPrice, {
      keyPrefix: 'new',
      labelSuffixVi: `mục đích mới: ${PURPOSE_NAMES_VI[input.toPurpose]}`,
    }),
    ...describePrice(oldPrice, {
      keyPrefix: 'old',
      labelSuffixVi: `mục đích cũ: ${PURPOSE_NAMES_VI[input.fromPurpose]}`,
    }),
    {
      key: 'differencePerM2Vnd',
      labelVi: 'Chênh lệch giá đất mỗi m² (không thấp hơn 0)',
      value: `${formatVndVi(roundVnd(positive, rules.rounding))}/m²`,
    },
  ];
  const { reduced, tiers } = tiersFor(
    rules,
    input,
    allocationLimit(
      table.communes.find((c) => c.communeCode === input.location.communeCode)
        ?.residentialAllocationLimitTenthsM2,
    ),
  );

  const lines = tiers.map(({ band, areaTenthsM2, extra }): ObligationLine => {
    const base = mul(frac(BigInt(areaTenthsM2), 10n), positive);
    const amountVnd = roundVnd(mul(base, basisPoints(band.rateBasisPoints)), rules.rounding);
    return {
      code: 'LAND_USE_LEVY',
      labelVi: reduced
        ? `${LINE_LABELS_VI.LAND_USE_LEVY} (${band.labelVi})`
        : LINE_LABELS_VI.LAND_USE_LEVY,
      taxpayer: {
        id: input.landUser.id,
        ...(input.landUser.nameVi ? { nameVi: input.landUser.nameVi } : {}),
        role: 'LAND_USER',
      },
      baseVnd: roundVnd(base, rules.rounding),
      baseSource: 'PRICE_TABLE',
      rate: { basisPoints: band.rateBasisPoints, labelVi: formatRateVi(band.rateBasisPoints) },
      amountVnd,
      exemption: null,
      legalBasis:
        reduced && rules.reducedTiers
          ? [...rules.legalBasis, ...rules.reducedTiers.legalBasis]
          : rules.legalBasis,
      inputs: [
        ...common,
        {
          key: 'tierAreaM2',
          labelVi: 'Diện tích tính theo mức này',
          value: formatAreaVi(areaTenthsM2),
        },
        ...extra,
      ],
      ruleSetId: rules.id,
      dueDates: dueDates(amountVnd, rules.payment, rules.rounding, calendar, input.noticeIssuedOn),
    };
  });
  return { lines, totalVnd: lines.reduce((sum, l) => sum + l.amountVnd, 0n) };
}

interface Tier {
  band: LevyBand;
  areaTenthsM2: number;
  extra: InputUsed[];
}

/** Splits the converted area into the bands of the rules, or one full-rate band. */
function tiersFor(
  rules: LandUseLevyRuleSet,
  input: PurposeChangeInput,
  limit: () => number,
): { reduced: boolean; tiers: Tier[] } {
  const reduced = rules.reducedTiers;
  const fullRate: LevyBand = {
    upToLimitMultiple: null,
    rateBasisPoints: rules.fullRateBasisPoints,
    labelVi: 'toàn bộ diện tích',
  };
  const eligible =
    reduced !== null &&
    reduced.landUserKinds.includes(input.landUser.kind) &&
    reduced.fromPurposes.includes(input.fromPurpose) &&
    reduced.toPurposes.includes(input.toPurpose) &&
    input.parcelHasResidentialLand &&
    !input.householdUsedReducedTiers;
  if (!eligible) {
    const why =
      reduced === null
        ? 'Quy định tại thời điểm quyết định không có mức thu theo hạn mức'
        : 'Không đủ điều kiện tính theo hạn mức (đối tượng, loại đất, thửa đất có nhà ở, chưa hưởng lần nào)';
    return {
      reduced: false,
      tiers: [
        {
          band: fullRate,
          areaTenthsM2: input.areaTenthsM2,
          extra: [{ key: 'reducedTiers', labelVi: 'Mức thu theo hạn mức', value: why }],
        },
      ],
    };
  }
  const limitTenths = limit();
  const extra: InputUsed[] = [
    { key: 'allocationLimitM2', labelVi: 'Hạn mức giao đất ở', value: formatAreaVi(limitTenths) },
  ];
  const tiers: Tier[] = [];
  let lower = 0;
  for (const band of reduced.bands) {
    const upper =
      band.upToLimitMultiple === null
        ? Number.MAX_SAFE_INTEGER
        : limitTenths * band.upToLimitMultiple;
    const area = Math.max(0, Math.min(input.areaTenthsM2, upper) - lower);
    if (area > 0) tiers.push({ band, areaTenthsM2: area, extra });
    lower = upper;
  }
  return { reduced: true, tiers };
}

/** Defers the "no limit in the table" error to the households that actually need one. */
function allocationLimit(limit: number | undefined): () => number {
  return () => {
    if (limit === undefined) {
      throw new TaxRulesException(
        TaxRulesErrorCode.PRICE_NOT_FOUND,
        'the price table gives no residential allocation limit for this commune',
      );
    }
    return limit;
  };
}
