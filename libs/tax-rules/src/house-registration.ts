import {
  isLocalDate,
  LegalBasis,
  LocalDate,
  vietnamCalendar,
  WorkingCalendar,
} from '@lien-thong/calendar';
import { AssessOptions } from './assess';
import { invalidInput } from './errors';
import {
  HOUSE_GRADES,
  HouseGrade,
  housePriceTableFor,
  remainingQualityFor,
} from './house-price-table';
import { LINE_LABELS_VI } from './labels';
import { Assessment, HouseInput, InputUsed, ObligationLine, Party } from './model';
import { basisPoints, formatAreaVi, formatRateVi, formatVndVi, mul, roundVnd } from './money';
import { dueDates } from './payment';
import { bundledRuleBook, registrationFeeRulesOn, RuleBook } from './rule-book';
import { describeHouseValue, houseValue } from './valuation';

/** A house on land, as declared for its registration (the construction department confirms it). */
export interface DeclaredHouse {
  grade: HouseGrade;
  /** Total floor area in tenths of a m². */
  floorAreaTenthsM2: number;
  builtYear: number;
}

/** Registering a house on land: the registration fee on the house alone. */
export interface HouseRegistrationInput {
  /** Who pays: the owners together, under the first owner's code. */
  owner: Party;
  provinceCode: string;
  house: DeclaredHouse;
  /** Chooses the fee rules, the house price table and the house's age. */
  declarationDate: LocalDate;
  noticeIssuedOn?: LocalDate;
}

/**
 * The registration-fee price of a declared house on `on`: the province's new-build price for
 * its grade and the remaining quality for its years of use (declaration year − built year),
 * with the inputs that explain them. Reusable wherever a house is valued.
 */
export function housePriceOf(
  book: RuleBook,
  provinceCode: string,
  house: DeclaredHouse,
  on: LocalDate,
): { house: HouseInput; inputs: InputUsed[]; legalBasis: LegalBasis[] } {
  if (!HOUSE_GRADES.includes(house.grade)) invalidInput(`unknown house grade ${house.grade}`);
  if (!Number.isSafeInteger(house.floorAreaTenthsM2) || house.floorAreaTenthsM2 <= 0)
    invalidInput('house.floorAreaTenthsM2 must be a positive integer (tenths of a m²)');
  const ageYears = Number(on.slice(0, 4)) - house.builtYear;
  if (!Number.isSafeInteger(house.builtYear) || ageYears < 0)
    invalidInput('house.builtYear must not be after the declaration year');
  const prices = housePriceTableFor(book.housePriceTables, provinceCode, on);
  const quality = remainingQualityFor(book.remainingQuality, on, ageYears);
  const input: HouseInput = {
    floorAreaTenthsM2: house.floorAreaTenthsM2,
    unitPriceVnd: prices.unitPricesVnd[house.grade],
    remainingQualityPercent: quality.band.percentByGrade[house.grade],
  };
  return {
    house: input,
    legalBasis: quality.table.legalBasis,
    inputs: [
      {
        key: 'housePriceTable',
        labelVi: 'Bảng giá nhà áp dụng',
        value: `${prices.titleVi} [${prices.id}]`,
      },
      { key: 'houseGrade', labelVi: 'Cấp nhà', value: `Cấp ${house.grade}` },
      {
        key: 'floorAreaM2',
        labelVi: 'Diện tích sàn xây dựng',
        value: formatAreaVi(house.floorAreaTenthsM2),
      },
      {
        key: 'newBuildUnitPriceVnd',
        labelVi: 'Đơn giá xây dựng mới',
        value: `${formatVndVi(input.unitPriceVnd)}/m²`,
      },
      {
        key: 'yearsOfUse',
        labelVi: 'Thời gian đã sử dụng',
        value: `${ageYears} năm (xây dựng năm ${house.builtYear}; ${quality.band.labelVi})`,
      },
      {
        key: 'remainingQualityPercent',
        labelVi: 'Tỷ lệ chất lượng còn lại',
        value: `${input.remainingQualityPercent}% [${quality.table.id}]`,
      },
    ],
  };
}

/**
 * Registration fee (lệ phí trước bạ) on a house registered on land: the rate of the fee rules
 * in force on the declaration date (0.5 %, Decree 10/2022 art. 8) on floor area × the
 * province's new-build price for the grade × the remaining quality for its age (art. 7).
 * One line, owed by the owners together.
 */
export function assessHouseRegistration(
  input: HouseRegistrationInput,
  options: AssessOptions = {},
): Assessment {
  if (!isLocalDate(input.declarationDate)) invalidInput('declarationDate must be YYYY-MM-DD');
  const book = options.rules ?? bundledRuleBook();
  const calendar: WorkingCalendar = options.calendar ?? vietnamCalendar();
  const rules = registrationFeeRulesOn(book, input.declarationDate);
  const priced = housePriceOf(book, input.provinceCode, input.house, input.declarationDate);
  const base = houseValue(priced.house);
  const computed = roundVnd(mul(base, basisPoints(rules.rateBasisPoints)), rules.rounding);
  const capped = rules.capVnd !== null && computed > rules.capVnd;
  const amountVnd = capped && rules.capVnd !== null ? rules.capVnd : computed;
  const line: ObligationLine = {
    code: 'REGISTRATION_FEE',
    labelVi: `${LINE_LABELS_VI.REGISTRATION_FEE} (nhà)`,
    taxpayer: { ...input.owner, role: 'OWNER' },
    baseVnd: roundVnd(base, rules.rounding),
    baseSource: 'PRICE_TABLE',
    rate: { basisPoints: rules.rateBasisPoints, labelVi: formatRateVi(rules.rateBasisPoints) },
    amountVnd,
    exemption: null,
    legalBasis: [...rules.legalBasis, ...priced.legalBasis],
    inputs: [
      { key: 'declarationDate', labelVi: 'Ngày kê khai', value: input.declarationDate },
      ...priced.inputs,
      describeHouseValue(priced.house, base),
      {
        key: 'capVnd',
        labelVi: 'Mức thu tối đa mỗi tài sản',
        value:
          rules.capVnd === null
            ? 'Không áp dụng'
            : `${formatVndVi(rules.capVnd)}${capped ? ' (đã áp dụng)' : ''}`,
      },
    ],
    ruleSetId: rules.id,
    dueDates: dueDates(amountVnd, rules.payment, rules.rounding, calendar, input.noticeIssuedOn),
  };
  return { lines: [line], totalVnd: amountVnd };
}
