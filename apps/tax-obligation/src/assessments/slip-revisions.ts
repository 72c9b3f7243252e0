import type { TaxAssessment } from './schemas/tax-assessment.schema';

type Revision = Pick<TaxAssessment, '_id' | 'slipRevision' | 'status'>;

/**
 * What to do with a slip revision, given the dossier's revisions already handled:
 * - REPEAT: this revision was handled (a redelivery or resend): nothing new;
 * - STALE: a later revision was handled first: this one is out of date;
 * - PAID: an assessment was paid (or nothing was owed): it stands, the slip goes back;
 * - ASSESS: assess it, after cancelling `supersede` (unpaid assessments the citizen must
 *   not be asked to pay any more) and finishing `finish` (supersessions still under way).
 */
export type RevisionDecision =
  | { kind: 'REPEAT' }
  | { kind: 'STALE' }
  | { kind: 'PAID'; standing: Revision }
  | { kind: 'ASSESS'; supersede: string[]; finish: string[] };

export function decideRevision(
  revisions: readonly Revision[],
  slipRevision: number,
): RevisionDecision {
  if (revisions.some((r) => r.slipRevision === slipRevision)) return { kind: 'REPEAT' };
  if (revisions.some((r) => r.slipRevision > slipRevision)) return { kind: 'STALE' };
  const paid = revisions.find((r) => r.status === 'PAID');
  if (paid) return { kind: 'PAID', standing: paid };
  return {
    kind: 'ASSESS',
    supersede: revisions.filter((r) => r.status === 'ASSESSED').map((r) => r._id),
    finish: revisions.filter((r) => r.status === 'CANCELLING').map((r) => r._id),
  };
}
