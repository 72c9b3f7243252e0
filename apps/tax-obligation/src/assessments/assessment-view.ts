import type { PaymentNoticeV1, SlipProblemV1 } from '@lien-thong/contracts';
import { AssessmentStatus, SettledPayment, TaxAssessment } from './schemas/tax-assessment.schema';
import { StoredLine } from './stored-line';

/**
 * What an officer sees for a dossier: the revision that stands in full, so that each amount
 * can be explained (base and its source, rate, exemption, inputs, legal basis, notice and
 * due date), and the other revisions with why they were returned.
 */
export interface AssessmentView {
  dossierCode: string;
  assessmentId: string;
  slipRevision: number;
  status: AssessmentStatus;
  noticeIssuedOn?: string;
  totalVnd?: number;
  payUrl?: string;
  notices: PaymentNoticeV1[];
  lines: StoredLine[];
  problems: SlipProblemV1[];
  filingIds: string[];
  payment?: Omit<SettledPayment, 'recordedAt'> & { recordedAt: string };
  otherRevisions: Pick<AssessmentView, 'assessmentId' | 'slipRevision' | 'status' | 'problems'>[];
}

/**
 * `revisions` newest first, at least one. The revision that stands is the one assessed (a
 * dossier is charged once), else the newest returned one.
 */
export function toView(revisions: readonly TaxAssessment[]): AssessmentView {
  const current = revisions.find((r) => r.status !== 'RETURNED') ?? revisions[0];
  const others = revisions.filter((r) => r !== current);
  return {
    dossierCode: current.dossierCode,
    assessmentId: current._id,
    slipRevision: current.slipRevision,
    status: current.status,
    ...(current.noticeIssuedOn ? { noticeIssuedOn: current.noticeIssuedOn } : {}),
    ...(current.totalVnd !== undefined ? { totalVnd: current.totalVnd } : {}),
    ...(current.payUrl ? { payUrl: current.payUrl } : {}),
    notices: current.notices,
    lines: current.lines,
    problems: current.problems,
    filingIds: current.filingIds,
    ...(current.payment
      ? {
          payment: {
            ...current.payment,
            recordedAt: new Date(current.payment.recordedAt).toISOString(),
          },
        }
      : {}),
    otherRevisions: others.map((r) => ({
      assessmentId: r._id,
      slipRevision: r.slipRevision,
      status: r.status,
      problems: r.problems,
    })),
  };
}
