import { isLocalDate, LocalDate, vietnamCalendar } from '@lien-thong/calendar';
import { AssessOptions } from './assess';
import { resolveShares } from './base';
import { invalidInput } from './errors';
import { findExemption } from './exemptions';
import { asTransferors, Heir, heirInputs, heirLine } from './heirs';
import { LINE_LABELS_VI, TRANSFER_KIND_NAMES_VI } from './labels';
import {
  Assessment,
  HouseInput,
  InputUsed,
  LAND_USE_PURPOSES,
  ObligationLine,
  ParcelInput,
  Party,
  Share,
} from './model';
import { basisPoints, formatVndVi, frac, max, mul, roundVnd, sub, ZERO } from './money';
import { bundledRuleBook, pitRulesOn, registrationFeeRulesOn, RuleBook } from './rule-book';
import { DateBasis } from './rules';
import { valueProperty, Valuation } from './valuation';

/** An inheritance of a land-use right (and its house), divided among heirs by share. */
export interface InheritanceInput {
  /** The deceased holders, named on the lines. */
  deceased: Party[];
  heirs: Heir[];
  parcel: ParcelInput;
  house?: HouseInput;
  /** The part of the parcel's right in the estate (a deceased co-owner's half); missing: all. */
  estateShare?: Share;
  /** Date of the inheritance document: chooses the income-tax rules. */
  contractDate: LocalDate;
  /** Chooses the registration-fee rules and the price table (both obligations). */
  declarationDate: LocalDate;
  noticeIssuedOn?: LocalDate;
}

/**
 * Every obligation of an inheritance, per heir (each heir is a separate taxpayer on what they
 * receive): personal income tax at the gift rate (10 %) on the value of the heir's share above
 * the threshold (10,000,000 VND per receipt; PIT Law art. 16, 23), exempt between the
 * relatives of art. 4; then the registration fee (0.5 %) on the heir's share of the table
 * value, exempt between the same relatives (Decree 10/2022 art. 10 as amended by Decree
 * 175/2025). No contract price: the price table decides.
 */
export function assessInheritance(
  input: InheritanceInput,
  options: AssessOptions = {},
): Assessment {
  validate(input);
  const book = options.rules ?? bundledRuleBook();
  const calendar = options.calendar ?? vietnamCalendar();
  const heirs = asTransferors(input.heirs);
  const shares = resolveShares(heirs);
  const pit = pitRulesOn(book, input.contractDate);
  const fee = registrationFeeRulesOn(book, input.declarationDate);
  const pitEstate = estateValue(book, input, pit.giftOrInheritance.priceTableDate);
  const feeEstate = estateValue(book, input, fee.base.priceTableDate);
  const common: InputUsed[] = [
    { key: 'transferKind', labelVi: 'Hình thức', value: TRANSFER_KIND_NAMES_VI.INHERITANCE },
    {
      key: 'deceased',
      labelVi: 'Người để lại di sản',
      value: input.deceased.map((d) => d.nameVi ?? d.id).join(', '),
    },
  ];
  const ctx = {
    kind: 'INHERITANCE' as const,
    purpose: input.parcel.purpose,
    transferDate: input.contractDate,
  };

  const pitLines = heirs.map((heir, i): ObligationLine => {
    const exemption = findExemption(pit.exemptions, heir, ctx);
    const shareValue = mul(pitEstate.value, shares[i]);
    const rule = pit.giftOrInheritance;
    const base = max(sub(shareValue, frac(rule.thresholdVnd)), ZERO);
    const amountVnd = exemption
      ? 0n
      : roundVnd(mul(base, basisPoints(rule.rateBasisPoints)), pit.rounding);
    return heirLine(input.heirs[i], {
      code: 'PIT',
      labelVi: LINE_LABELS_VI.PIT_GIFT,
      base,
      rateBp: rule.rateBasisPoints,
      amountVnd,
      exemption,
      legalBasis: rule.legalBasis,
      ruleSetId: pit.id,
      rounding: pit.rounding,
      payment: pit.payment,
      inputs: [
        ...common,
        { key: 'contractDate', labelVi: 'Ngày văn bản thừa kế', value: input.contractDate },
        ...pitEstate.inputs,
        ...heirInputs(input.heirs[i], shares[i], shareValue, pit.rounding),
        {
          key: 'thresholdVnd',
          labelVi: 'Phần giá trị không chịu thuế mỗi lần nhận',
          value: formatVndVi(rule.thresholdVnd),
        },
      ],
      calendar,
      noticeIssuedOn: input.noticeIssuedOn,
    });
  });

  const feeLines = heirs.map((heir, i): ObligationLine => {
    const exemption = findExemption(fee.exemptions, heir, ctx);
    const base = mul(feeEstate.value, shares[i]);
    const computed = exemption
      ? 0n
      : roundVnd(mul(base, basisPoints(fee.rateBasisPoints)), fee.rounding);
    // A cap is per asset: each heir bears the part of it their share gives them.
    const cap =
      fee.capVnd === null ? null : roundVnd(mul(frac(fee.capVnd), shares[i]), 'DOWN_TO_VND');
    const amountVnd = cap !== null && computed > cap ? cap : computed;
    return heirLine(input.heirs[i], {
      code: 'REGISTRATION_FEE',
      labelVi: LINE_LABELS_VI.REGISTRATION_FEE,
      base,
      rateBp: fee.rateBasisPoints,
      amountVnd,
      exemption,
      legalBasis: fee.legalBasis,
      ruleSetId: fee.id,
      rounding: fee.rounding,
      payment: fee.payment,
      inputs: [
        ...common,
        { key: 'declarationDate', labelVi: 'Ngày kê khai', value: input.declarationDate },
        ...feeEstate.inputs,
        ...heirInputs(input.heirs[i], shares[i], base, fee.rounding),
      ],
      calendar,
      noticeIssuedOn: input.noticeIssuedOn,
    });
  });
  const lines = [...pitLines, ...feeLines];
  return { lines, totalVnd: lines.reduce((sum, l) => sum + l.amountVnd, 0n) };
}

function validate(input: InheritanceInput): void {
  for (const [name, value] of [
    ['contractDate', input.contractDate],
    ['declarationDate', input.declarationDate],
  ] as const) {
    if (!isLocalDate(value)) invalidInput(`${name} must be YYYY-MM-DD`);
  }
  if (!LAND_USE_PURPOSES.includes(input.parcel.purpose))
    invalidInput(`unknown land-use purpose ${String(input.parcel.purpose)}`);
  if (!Number.isSafeInteger(input.parcel.areaTenthsM2) || input.parcel.areaTenthsM2 <= 0)
    invalidInput('parcel.areaTenthsM2 must be a positive integer (tenths of a m²)');
}

/** The table value of the estate's part of the parcel (and house) on the date the rule names. */
function estateValue(book: RuleBook, input: InheritanceInput, basis: DateBasis): Valuation {
  const on = basis === 'CONTRACT_DATE' ? input.contractDate : input.declarationDate;
  const whole = valueProperty(book.priceTables, input.parcel, input.house, on);
  const part = input.estateShare;
  if (!part || part.numerator === part.denominator) return whole;
  if (
    !Number.isSafeInteger(part.numerator) ||
    !Number.isSafeInteger(part.denominator) ||
    part.numerator <= 0 ||
    part.numerator > part.denominator
  )
    invalidInput('estateShare must be a fraction of the parcel between 0 and 1');
  const value = mul(whole.value, frac(BigInt(part.numerator), BigInt(part.denominator)));
  return {
    ...whole,
    value,
    inputs: [
      ...whole.inputs,
      {
        key: 'estateShare',
        labelVi: 'Phần quyền sử dụng đất là di sản thừa kế',
        value: `${part.numerator}/${part.denominator}: ${formatVndVi(roundVnd(value, 'HALF_UP_TO_VND'))}`,
      },
    ],
  };
}
