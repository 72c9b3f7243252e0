import { Compensation, TaxAssessment } from './schemas/tax-assessment.schema';
import { AssessmentView, CompensationView } from './dto/assessment-views.dto';

export { AssessmentView };

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
    ...(current.compensation ? { cancellationReason: current.compensation.reason } : {}),
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
    ...(current.compensation ? { compensation: compensationView(current.compensation) } : {}),
    otherRevisions: others.map((r) => ({
      assessmentId: r._id,
      slipRevision: r.slipRevision,
      status: r.status,
      problems: r.problems,
      ...(r.compensation ? { cancellationReason: r.compensation.reason } : {}),
    })),
  };
}

function compensationView(c: Compensation): CompensationView {
  const iso = (d: Date) => new Date(d).toISOString();
  return {
    reason: c.reason,
    requestedAt: iso(c.requestedAt),
    attempts: c.attempts,
    ...(c.lastError ? { lastError: c.lastError } : {}),
    ...(c.doneAt ? { doneAt: iso(c.doneAt) } : {}),
    ...(c.voidedNoticeNumbers ? { voidedNoticeNumbers: c.voidedNoticeNumbers } : {}),
    ...(c.orderOutcome ? { orderOutcome: c.orderOutcome } : {}),
    ...(c.refund ? { refund: c.refund } : {}),
  };
}
