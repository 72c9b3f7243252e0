import { WorkingCalendar } from '@lien-thong/calendar';
import { chooseBase, formatShare, resolveShares } from './base';
import { findExemption } from './exemptions';
import { LINE_LABELS_VI, TRANSFER_KIND_NAMES_VI } from './labels';
import { AppliedExemption, InputUsed, ObligationLine, TransferInput } from './model';
import { add, basisPoints, formatRateVi, formatVndVi, Fraction, mul, roundVnd } from './money';
import { dueDates } from './payment';
import { registrationFeeRulesOn, RuleBook } from './rule-book';
import { dateFor, valueProperty, valueTransferred } from './valuation';

interface Group {
  exemption: AppliedExemption | null;
  share: Fraction;
  from: string[];
}

/**
 * Registration-fee lines, paid by the recipient on the whole asset. The base is the table
 * value on the declaration date, or the contract price of a sale where that is higher.
 * Exemption (gift or inheritance between close relatives) is judged per transferor; parts
 * with the same outcome share one line, so a plain sale gives exactly one line.
 */
export function registrationFeeLines(
  input: TransferInput,
  book: RuleBook,
  calendar: WorkingCalendar,
): ObligationLine[] {
  const rules = registrationFeeRulesOn(book, input.declarationDate);
  const shares = resolveShares(input.transferors);
  const valuation = valueTransferred(
    valueProperty(
      book.priceTables,
      input.parcel,
      input.house,
      dateFor(input, rules.base.priceTableDate),
    ),
    input,
  );
  const chosen = chooseBase(
    rules.base,
    input.kind === 'SALE' ? input.contractPriceVnd : null,
    valuation.value,
  );

  const groups: Group[] = [];
  input.transferors.forEach((transferor, i) => {
    const exemption = findExemption(rules.exemptions, transferor, {
      kind: input.kind,
      purpose: input.parcel.purpose,
      transferDate: input.contractDate,
    });
    const group = groups.find((g) => g.exemption?.reasonVi === exemption?.reasonVi);
    if (group) {
      group.share = add(group.share, shares[i]);
      group.from.push(transferor.nameVi ?? transferor.id);
    } else {
      groups.push({ exemption, share: shares[i], from: [transferor.nameVi ?? transferor.id] });
    }
  });

  return groups.map((group) => {
    const base = mul(chosen.base, group.share);
    const computed = group.exemption
      ? 0n
      : roundVnd(mul(base, basisPoints(rules.rateBasisPoints)), rules.rounding);
    const capped = rules.capVnd !== null && computed > rules.capVnd;
    const amountVnd = capped && rules.capVnd !== null ? rules.capVnd : computed;
    const inputs: InputUsed[] = [
      { key: 'transferKind', labelVi: 'Hình thức', value: TRANSFER_KIND_NAMES_VI[input.kind] },
      { key: 'declarationDate', labelVi: 'Ngày kê khai', value: input.declarationDate },
      ...valuation.inputs,
      ...chosen.inputs,
      { key: 'share', labelVi: 'Phần tài sản', value: formatShare(group.share) },
      { key: 'receivedFrom', labelVi: 'Nhận từ', value: group.from.join(', ') },
      {
        key: 'capVnd',
        labelVi: 'Mức thu tối đa mỗi tài sản',
        value:
          rules.capVnd === null
            ? 'Không áp dụng'
            : `${formatVndVi(rules.capVnd)}${capped ? ' (đã áp dụng)' : ''}`,
      },
    ];
    return {
      code: 'REGISTRATION_FEE',
      labelVi:
        groups.length > 1
          ? `${LINE_LABELS_VI.REGISTRATION_FEE} (phần nhận từ ${group.from.join(', ')})`
          : LINE_LABELS_VI.REGISTRATION_FEE,
      taxpayer: { ...input.recipient, role: 'RECIPIENT' },
      baseVnd: roundVnd(base, rules.rounding),
      baseSource: chosen.source,
      rate: { basisPoints: rules.rateBasisPoints, labelVi: formatRateVi(rules.rateBasisPoints) },
      amountVnd,
      exemption: group.exemption,
      legalBasis: rules.legalBasis,
      inputs,
      ruleSetId: rules.id,
      dueDates: dueDates(amountVnd, rules.payment, rules.rounding, calendar, input.noticeIssuedOn),
    } satisfies ObligationLine;
  });
}
