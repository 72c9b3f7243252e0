import { LegalBasis, WorkingCalendar } from '@lien-thong/calendar';
import { chooseBase, formatShare, resolveShares } from './base';
import { describeSoleResidence, findExemption } from './exemptions';
import { LINE_LABELS_VI, RELATIONSHIP_NAMES_VI, TRANSFER_KIND_NAMES_VI } from './labels';
import { InputUsed, ObligationLine, TransferInput } from './model';
import {
  basisPoints,
  formatRateVi,
  formatVndVi,
  Fraction,
  frac,
  max,
  mul,
  roundVnd,
  sub,
  ZERO,
} from './money';
import { dueDates } from './payment';
import { pitRulesOn, RuleBook } from './rule-book';
import { DateBasis, PitRuleSet } from './rules';
import { dateFor, valueProperty, valueTransferred } from './valuation';

/**
 * Personal income tax lines, one per transferor (co-owners are taxed separately by share).
 * A sale, or a division on divorce, is taxed on the transferor at the transfer rate (2 %) of
 * the higher of contract price and table value; a gift or inheritance on the recipient at the
 * gift rate (10 %) of the share's table value above the threshold. Exemptions per transferor.
 */
export function pitLines(
  input: TransferInput,
  book: RuleBook,
  calendar: WorkingCalendar,
): ObligationLine[] {
  const rules = pitRulesOn(book, input.contractDate);
  const shares = resolveShares(input.transferors);
  const common: InputUsed[] = [
    { key: 'transferKind', labelVi: 'Hình thức', value: TRANSFER_KIND_NAMES_VI[input.kind] },
    { key: 'contractDate', labelVi: 'Ngày hợp đồng', value: input.contractDate },
  ];
  const isGift = input.kind === 'GIFT' || input.kind === 'INHERITANCE';
  const tableDate: DateBasis = isGift
    ? rules.giftOrInheritance.priceTableDate
    : rules.transfer.base.priceTableDate;
  const valuation = valueTransferred(
    valueProperty(book.priceTables, input.parcel, input.house, dateFor(input, tableDate)),
    input,
  );
  const whole = isGift
    ? { base: valuation.value, source: 'PRICE_TABLE' as const, inputs: [] }
    : chooseBase(
        rules.transfer.base,
        input.kind === 'SALE' ? input.contractPriceVnd : null,
        valuation.value,
      );

  return input.transferors.map((transferor, i) => {
    const share = shares[i];
    const exemption = findExemption(rules.exemptions, transferor, {
      kind: input.kind,
      purpose: input.parcel.purpose,
      transferDate: input.contractDate,
    });
    const shareValue = mul(whole.base, share);
    const inputs: InputUsed[] = [
      ...common,
      ...valuation.inputs,
      ...whole.inputs,
      { key: 'share', labelVi: 'Tỷ lệ sở hữu', value: formatShare(share) },
      {
        key: 'relationship',
        labelVi: 'Quan hệ với bên nhận',
        value: RELATIONSHIP_NAMES_VI[transferor.relationshipToRecipient],
      },
      ...describeSoleResidence(transferor, input.contractDate),
    ];
    const { base, rateBp, legalBasis } = isGift
      ? giftBase(rules, shareValue, inputs)
      : {
          base: shareValue,
          rateBp: rules.transfer.rateBasisPoints,
          legalBasis: rules.transfer.legalBasis,
        };
    const amountVnd = exemption ? 0n : roundVnd(mul(base, basisPoints(rateBp)), rules.rounding);
    const taxpayer = isGift
      ? { ...input.recipient, role: 'RECIPIENT' as const }
      : { ...withoutFacts(transferor), role: 'TRANSFEROR' as const };
    return {
      code: 'PIT',
      labelVi: isGift ? LINE_LABELS_VI.PIT_GIFT : LINE_LABELS_VI.PIT,
      taxpayer,
      baseVnd: roundVnd(base, rules.rounding),
      baseSource: whole.source,
      rate: { basisPoints: rateBp, labelVi: formatRateVi(rateBp) },
      amountVnd,
      exemption,
      legalBasis,
      inputs,
      ruleSetId: rules.id,
      dueDates: dueDates(amountVnd, rules.payment, rules.rounding, calendar, input.noticeIssuedOn),
    } satisfies ObligationLine;
  });
}

/** Taxable income from a gift or inheritance: the share's value above the threshold. */
function giftBase(
  rules: PitRuleSet,
  shareValue: Fraction,
  inputs: InputUsed[],
): { base: Fraction; rateBp: number; legalBasis: LegalBasis[] } {
  const rule = rules.giftOrInheritance;
  inputs.push(
    {
      key: 'shareValueVnd',
      labelVi: 'Giá trị phần nhận',
      value: formatVndVi(roundVnd(shareValue, rules.rounding)),
    },
    {
      key: 'thresholdVnd',
      labelVi: 'Phần giá trị không chịu thuế mỗi lần nhận',
      value: formatVndVi(rule.thresholdVnd),
    },
  );
  return {
    base: max(sub(shareValue, frac(rule.thresholdVnd)), ZERO),
    rateBp: rule.rateBasisPoints,
    legalBasis: rule.legalBasis,
  };
}

function withoutFacts(t: TransferInput['transferors'][number]): { id: string; nameVi?: string } {
  return t.nameVi === undefined ? { id: t.id } : { id: t.id, nameVi: t.nameVi };
}
