import { agencyDeadline, HandoffAgency } from '../dossiers/deadlines';
import type { Dossier, Handoff } from '../dossiers/dossier';

/**
 * Each handoff to another agency carries the deadline the inter-agency rules give it; the
 * answer closes it, and an answer after the deadline is kept for the statistics by agency.
 */

export function handOff(
  agency: HandoffAgency,
  step: string,
  at: Date,
  rule?: string,
): { handoff: Handoff } {
  return {
    handoff: { agency, step, at, dueAt: agencyDeadline(agency, at, rule), lateFlaggedAt: null },
  };
}

/** What the agency's answer at `at` changes: the handoff closes, recorded if it was late. */
export function answered(d: Dossier, at: Date): Partial<Dossier> {
  const h = d.handoff;
  if (!h) return {};
  const late = h.dueAt && at.getTime() > new Date(h.dueAt).getTime();
  return {
    handoff: null,
    ...(late
      ? {
          lateHandoffs: [
            ...(d.lateHandoffs ?? []),
            { agency: h.agency, step: h.step, dueAt: h.dueAt as Date, answeredAt: at },
          ],
        }
      : {}),
  };
}
