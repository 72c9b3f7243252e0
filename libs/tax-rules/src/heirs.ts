import { LocalDate, WorkingCalendar } from '@lien-thong/calendar';
import { formatShare } from './base';
import { invalidInput } from './errors';
import { RELATIONSHIP_NAMES_VI } from './labels';
import {
  AppliedExemption,
  InputUsed,
  ObligationLine,
  Party,
  Relationship,
  RELATIONSHIPS,
  Share,
  Transferor,
} from './model';
import { formatRateVi, formatVndVi, Fraction, RoundingMode, roundVnd } from './money';
import { dueDates } from './payment';
import { PaymentRule } from './rules';

/** An heir and the share of the estate's right they receive (agreement or court decision). */
export interface Heir extends Party {
  share: Share;
  relationshipToDeceased: Relationship;
}
/** Heirs as the exemption rules see them: the tie to the deceased is the tie that counts. */
export function asTransferors(heirs: readonly Heir[]): Transferor[] {
  if (heirs.length === 0) invalidInput('at least one heir is required');
  if (new Set(heirs.map((h) => h.id)).size !== heirs.length)
    invalidInput('heir ids must be unique');
  return heirs.map((h) => {
    if (!RELATIONSHIPS.includes(h.relationshipToDeceased))
      invalidInput(`unknown relationship for ${h.id}`);
    if (h.share === undefined) invalidInput(`share of ${h.id} is required`);
    return { id: h.id, share: h.share, relationshipToRecipient: h.relationshipToDeceased };
  });
}

export function heirInputs(
  heir: Heir,
  share: Fraction,
  value: Fraction,
  rounding: RoundingMode,
): InputUsed[] {
  return [
    { key: 'share', labelVi: 'Phần được hưởng', value: formatShare(share) },
    {
      key: 'relationship',
      labelVi: 'Quan hệ với người để lại di sản',
      value: RELATIONSHIP_NAMES_VI[heir.relationshipToDeceased],
    },
    {
      key: 'shareValueVnd',
      labelVi: 'Giá trị phần nhận',
      value: formatVndVi(roundVnd(value, rounding)),
    },
  ];
}

export interface LineFacts {
  code: 'PIT' | 'REGISTRATION_FEE';
  labelVi: string;
  base: Fraction;
  rateBp: number;
  amountVnd: bigint;
  exemption: AppliedExemption | null;
  legalBasis: ObligationLine['legalBasis'];
  ruleSetId: string;
  rounding: RoundingMode;
  payment: PaymentRule;
  inputs: InputUsed[];
  calendar: WorkingCalendar;
  noticeIssuedOn: LocalDate | undefined;
}

/** One heir's line: the heir receives, so the heir pays. */
export function heirLine(heir: Heir, f: LineFacts): ObligationLine {
  return {
    code: f.code,
    labelVi: f.labelVi,
    taxpayer: { id: heir.id, ...(heir.nameVi ? { nameVi: heir.nameVi } : {}), role: 'RECIPIENT' },
    baseVnd: roundVnd(f.base, f.rounding),
    baseSource: 'PRICE_TABLE',
    rate: { basisPoints: f.rateBp, labelVi: formatRateVi(f.rateBp) },
    amountVnd: f.amountVnd,
    exemption: f.exemption,
    legalBasis: f.legalBasis,
    inputs: f.inputs,
    ruleSetId: f.ruleSetId,
    dueDates: dueDates(f.amountVnd, f.payment, f.rounding, f.calendar, f.noticeIssuedOn),
  };
}
