import { LocalDate } from '@lien-thong/calendar';
import type { PaymentNoticeV1 } from '@lien-thong/contracts';
import type { TaxFilingRequest, TaxFilingResponse } from '@lien-thong/agency-contracts';
import type { Assessment, ObligationLine } from '@lien-thong/tax-rules';
import { formatLegalBasis, toVnd } from './money';

/** A notice before the tax office has numbered it. */
export type NoticeDraft = Omit<PaymentNoticeV1, 'noticeNumber'>;

/** One taxpayer's filing and the notices it asks for, in the same order. */
export interface PlannedFiling {
  request: TaxFilingRequest;
  drafts: NoticeDraft[];
}

/**
 * The e-tax contract takes one taxpayer per filing: each seller's income tax, the buyers'
 * registration fee. The filing id is derived from the slip revision and the taxpayer, so
 * filing again after a crash or a redelivery gets the same notice numbers.
 */
export function filingId(dossierCode: string, slipRevision: number, taxCode: string): string {
  return `${dossierCode}-R${slipRevision}-${taxCode}`;
}

/** Groups an assessment's notices by taxpayer, in the order the lines come. */
export function planFilings(
  dossierCode: string,
  slipRevision: number,
  assessment: Assessment,
  noticeIssuedOn: LocalDate,
): PlannedFiling[] {
  const plans = new Map<string, PlannedFiling>();
  for (const line of assessment.lines) {
    const taxCode = line.taxpayer.id;
    let plan = plans.get(taxCode);
    if (!plan) {
      plan = {
        request: {
          filingId: filingId(dossierCode, slipRevision, taxCode),
          dossierCode,
          taxpayer: { name: line.taxpayer.nameVi ?? taxCode, taxCode },
          obligations: [],
        },
        drafts: [],
      };
      plans.set(taxCode, plan);
    }
    for (const draft of draftsOf(line, noticeIssuedOn)) {
      plan.drafts.push(draft);
      plan.request.obligations.push({
        code: draft.code,
        amountVnd: draft.amountVnd,
        dueDate: draft.dueDate,
      });
    }
  }
  return [...plans.values()];
}

/**
 * One notice per instalment (the land-use levy is paid 50 % within 30 days and 50 % within
 * 90, Decree 126/2020 art. 18). An exempt line still gets its notice, for 0 VND, so that
 * the exemption is on record with the tax office; nothing is payable, so it is dated the
 * day it is issued.
 */
function draftsOf(line: ObligationLine, noticeIssuedOn: LocalDate): NoticeDraft[] {
  const common = {
    code: line.code,
    taxpayerName: line.taxpayer.nameVi ?? line.taxpayer.id,
    baseVnd: toVnd(line.baseVnd),
    legalBasis: formatLegalBasis([...line.legalBasis, ...(line.exemption?.legalBasis ?? [])]),
    ...(line.exemption ? { exemptionVi: line.exemption.reasonVi } : {}),
  };
  if (line.dueDates.length === 0)
    return [{ ...common, labelVi: line.labelVi, amountVnd: 0, dueDate: noticeIssuedOn }];
  return line.dueDates.map((due) => ({
    ...common,
    labelVi:
      line.dueDates.length > 1
        ? `${line.labelVi} (đợt ${due.installment}/${line.dueDates.length})`
        : line.labelVi,
    amountVnd: toVnd(due.amountVnd),
    dueDate: due.dueOn ?? noticeIssuedOn,
  }));
}

/**
 * The notices as the tax office issued them: its numbers, and its due dates (which are the
 * ones on the paper the citizen holds). An answer that does not match what was filed line
 * by line is refused rather than trusted.
 */
export function issuedNotices(
  plans: readonly PlannedFiling[],
  answers: readonly TaxFilingResponse[],
): PaymentNoticeV1[] {
  return plans.flatMap((plan, i) => {
    const answer = answers[i];
    const matches =
      answer?.notices.length === plan.drafts.length &&
      answer.notices.every(
        (n, j) => n.code === plan.drafts[j].code && n.amountVnd === plan.drafts[j].amountVnd,
      );
    if (!matches)
      throw new Error(`e-tax answered filing ${plan.request.filingId} with different notices`);
    return plan.drafts.map((draft, j) => ({
      noticeNumber: answer.notices[j].noticeNumber,
      ...draft,
      dueDate: answer.notices[j].dueDate,
    }));
  });
}
