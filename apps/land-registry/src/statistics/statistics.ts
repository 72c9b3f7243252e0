import type { ProcedureKey } from '@lien-thong/contracts';
import { Dossier, Handoff, procedureOf, TimelineEntry } from '../dossiers/dossier';
import { workingDaysUsed } from '../dossiers/deadlines';
import { deadlineOf, finishedAt, timelinessOf } from '../dossiers/timeliness';
import { stepsOf } from '../procedures';
import { HOLDER_VI } from '../workflow/transition';

/** What the statistics read of a dossier (the repository loads only these fields). */
export type StatsDossier = Pick<
  Dossier,
  | '_id'
  | 'status'
  | 'channel'
  | 'receivedAt'
  | 'appointmentAt'
  | 'dueAt'
  | 'delay'
  | 'registeredAt'
  | 'finishedAt'
  | 'timeline'
> & { procedure?: ProcedureKey };

/** [start, end): the first instant of the first day and the first instant after the last. */
export interface Period {
  start: Date;
  end: Date;
}

/** The timeline steps that hand the dossier to another agency, and to which. */
const HANDOFF_STEPS: Record<string, Handoff['agency']> = {
  PARCEL_CHECK_REQUESTED: 'secured-transactions',
  HOLDS_RECHECK_REQUESTED: 'secured-transactions',
  TRANSFER_SLIP_SENT: 'tax-obligation',
  CONSTRUCTION_OPINION_REQUESTED: 'construction',
};
/** Entries written while an agency holds the dossier that are not its answer. */
const NOT_AN_ANSWER = new Set(['WAITING_FOR_AGENCY', 'AGENCY_AVAILABLE', 'AGENCY_LATE', 'DELAYED']);

const within = (at: Date | null, p: Period) => !!at && at >= p.start && at < p.end;

function emptyCounts() {
  return {
    received: 0,
    receivedOnline: 0,
    resolved: { total: 0, early: 0, onTime: 0, late: 0 },
    inProgress: { total: 0, inTime: 0, overdue: 0 },
    withdrawn: 0,
    refused: 0,
  };
}
export type Counts = ReturnType<typeof emptyCounts>;

/** Adds one dossier to the counts of the period, as it stood at `asOf` (end of period or now). */
function count(c: Counts, d: StatsDossier, p: Period, asOf: Date): void {
  const received = new Date(d.receivedAt);
  if (within(received, p)) {
    c.received += 1;
    if (d.channel === 'ONLINE') c.receivedOnline += 1;
  }
  const done = finishedAt(d);
  if (received < asOf && (!done || done >= asOf)) {
    // Still with the offices at the end of the period: against its deadline then.
    const deadline = deadlineOf(d);
    const overdue = !!deadline && new Date(deadline) < asOf;
    c.inProgress.total += 1;
    c.inProgress[overdue ? 'overdue' : 'inTime'] += 1;
  }
  if (!within(done, p)) return;
  if (d.status === 'WITHDRAWN') c.withdrawn += 1;
  else if (d.status === 'REFUSED') c.refused += 1;
  else {
    // Registered: against the appointment, or the one delayed appointment (form 04).
    const t = timelinessOf(d, asOf);
    c.resolved.total += 1;
    c.resolved[t === 'EARLY' ? 'early' : t === 'LATE' ? 'late' : 'onTime'] += 1;
  }
}

/** One stay of a dossier at an agency, read from the timeline. */
interface Stay {
  agency: Handoff['agency'];
  from: Date;
  to: Date | null;
  dueAt: Date | null;
}

/** Each handoff to an agency and its end: the next entry that is not about the agency's outage. */
export function staysOf(timeline: readonly TimelineEntry[]): Stay[] {
  const stays: Stay[] = [];
  timeline.forEach((entry, i) => {
    const agency = HANDOFF_STEPS[entry.step];
    if (!agency) return;
    const end = timeline.slice(i + 1).find((e) => !NOT_AN_ANSWER.has(e.step));
    stays.push({
      agency,
      from: new Date(entry.at),
      to: end ? new Date(end.at) : null,
      dueAt: entry.deadlineAt ? new Date(entry.deadlineAt) : null,
    });
  });
  return stays;
}

interface AgencyTotals {
  handoffs: number;
  answeredLate: number;
  stillHeld: number;
  heldPastDeadline: number;
  heldDays: number;
  answered: number;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The figures of a unit over a period, from its stored dossiers (those received before the
 * period ended and not finished before it began): received (online share), resolved early, on
 * time or late, in progress at the end, withdrawn, refused; by procedure; and by agency, the
 * handoffs made in the period, how many were answered after the inter-agency deadline, how
 * many it still holds (past that deadline) and the working days it held the answered ones.
 */
export function computeStatistics(dossiers: readonly StatsDossier[], p: Period, now: Date) {
  const asOf = now < p.end ? now : p.end;
  const total = emptyCounts();
  const byProcedure = new Map<ProcedureKey, Counts>();
  const byAgency = new Map<Handoff['agency'], AgencyTotals>();
  for (const d of dossiers) {
    count(total, d, p, asOf);
    const key = procedureOf(d);
    if (!byProcedure.has(key)) byProcedure.set(key, emptyCounts());
    count(byProcedure.get(key) as Counts, d, p, asOf);
    for (const stay of staysOf(d.timeline)) {
      if (!within(stay.from, p)) continue;
      const a = byAgency.get(stay.agency) ?? {
        handoffs: 0,
        answeredLate: 0,
        stillHeld: 0,
        heldPastDeadline: 0,
        heldDays: 0,
        answered: 0,
      };
      const answeredAt = stay.to && stay.to <= asOf ? stay.to : null;
      a.handoffs += 1;
      if (answeredAt) {
        a.answered += 1;
        a.heldDays += workingDaysUsed(stay.from, answeredAt, []);
        if (stay.dueAt && answeredAt > stay.dueAt) a.answeredLate += 1;
      } else {
        a.stillHeld += 1;
        if (stay.dueAt && asOf > stay.dueAt) a.heldPastDeadline += 1;
      }
      byAgency.set(stay.agency, a);
    }
  }
  return {
    ...total,
    onlineShare: total.received ? round(total.receivedOnline / total.received, 4) : null,
    byProcedure: [...byProcedure.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([procedure, c]) => ({
        procedure,
        procedureVi: stepsOf({ procedure }).nameVi,
        ...c,
      })),
    byAgency: [...byAgency.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([agency, a]) => ({
        agency,
        agencyVi: HOLDER_VI[agency],
        handoffs: a.handoffs,
        answeredLate: a.answeredLate,
        stillHeld: a.stillHeld,
        heldPastDeadline: a.heldPastDeadline,
        averageWorkingDaysHeld: a.answered ? round(a.heldDays / a.answered, 1) : null,
      })),
  };
}

export type Statistics = ReturnType<typeof computeStatistics>;
