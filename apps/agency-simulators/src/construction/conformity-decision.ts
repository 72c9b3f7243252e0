import {
  CONSTRUCTION_ERRORS,
  ConformityReason,
  ConformityWork,
} from '@lien-thong/agency-contracts';

/**
 * The simulated department's decision, deterministic so that tests and the demo can predict
 * it (SAMPLE RULES, not the law):
 * - no permit and no exemption basis → NOT_CONFIRMED CONSTRUCTION.NO_PERMIT (Construction
 *   Law 2014 art. 89: a work needs a permit unless an exemption applies);
 * - a permit whose number contains "SAI" → NOT_CONFIRMED CONSTRUCTION.NOT_CONFORMING (stands
 *   for a work built otherwise than permitted);
 * - anything else → CONFIRMED.
 */
export function decideConformity(work: ConformityWork): {
  outcome: 'CONFIRMED' | 'NOT_CONFIRMED';
  reasons: ConformityReason[];
} {
  if (!work.permit && !work.permitExemptionVi?.trim()) {
    return {
      outcome: 'NOT_CONFIRMED',
      reasons: [
        {
          code: CONSTRUCTION_ERRORS.NO_PERMIT,
          messageVi:
            'Công trình không có giấy phép xây dựng và không thuộc trường hợp được miễn giấy phép',
        },
      ],
    };
  }
  if (work.permit && /SAI/i.test(work.permit.number)) {
    return {
      outcome: 'NOT_CONFIRMED',
      reasons: [
        {
          code: CONSTRUCTION_ERRORS.NOT_CONFORMING,
          messageVi: `Công trình xây dựng không đúng với giấy phép xây dựng số ${work.permit.number}`,
        },
      ],
    };
  }
  return { outcome: 'CONFIRMED', reasons: [] };
}
