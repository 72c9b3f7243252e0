import { daysBetween, LocalDate } from '@lien-thong/calendar';
import { RELATIONSHIP_NAMES_VI } from './labels';
import { AppliedExemption, InputUsed, LandUsePurpose, Transferor, TransferKind } from './model';
import { ExemptionRule } from './rules';

export interface ExemptionContext {
  kind: TransferKind;
  purpose: LandUsePurpose;
  /** The day the holding period is measured to (the contract date). */
  transferDate: LocalDate;
}

/** The first exemption of the rule file that applies to this transferor, or null. */
export function findExemption(
  rules: readonly ExemptionRule[],
  transferor: Transferor,
  context: ExemptionContext,
): AppliedExemption | null {
  for (const rule of rules) {
    if (!rule.transferKinds.includes(context.kind)) continue;
    if (rule.relationships && !rule.relationships.includes(transferor.relationshipToRecipient))
      continue;
    if (rule.soleResidence && !qualifiesAsSoleResidence(rule.soleResidence, transferor, context))
      continue;
    const reasonVi = rule.relationships
      ? `${rule.reasonVi} ${RELATIONSHIP_NAMES_VI[transferor.relationshipToRecipient]}`
      : rule.reasonVi;
    return { code: rule.code, reasonVi, legalBasis: rule.legalBasis };
  }
  return null;
}

/**
 * PIT Law art. 4.2: the transferor's only house or residential land, held at least
 * `minHoldingDays` (183) days from the certificate date to the transfer, transferred whole.
 * Judged per co-owner: each co-owner brings their own facts.
 */
function qualifiesAsSoleResidence(
  rule: NonNullable<ExemptionRule['soleResidence']>,
  transferor: Transferor,
  context: ExemptionContext,
): boolean {
  const facts = transferor.soleResidence;
  if (!facts || !rule.residentialPurposes.includes(context.purpose)) return false;
  return (
    !facts.ownsOtherResidentialProperty &&
    facts.transfersWhole &&
    daysBetween(facts.certificateIssuedOn, context.transferDate) >= rule.minHoldingDays
  );
}

/** Inputs that show why the sole-residence test did or did not pass. */
export function describeSoleResidence(
  transferor: Transferor,
  transferDate: LocalDate,
): InputUsed[] {
  const facts = transferor.soleResidence;
  if (!facts) return [];
  const yesNo = (b: boolean): string => (b ? 'Có' : 'Không');
  return [
    {
      key: 'ownsOtherResidentialProperty',
      labelVi: 'Có nhà ở, đất ở khác',
      value: yesNo(facts.ownsOtherResidentialProperty),
    },
    {
      key: 'holdingDays',
      labelVi: 'Số ngày sở hữu (từ ngày cấp giấy chứng nhận đến ngày chuyển nhượng)',
      value: `${daysBetween(facts.certificateIssuedOn, transferDate)} ngày (cấp ngày ${facts.certificateIssuedOn})`,
    },
    { key: 'transfersWhole', labelVi: 'Chuyển nhượng toàn bộ', value: yesNo(facts.transfersWhole) },
  ];
}
