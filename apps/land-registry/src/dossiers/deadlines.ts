import {
  addWorkingDays,
  CalendarException,
  communeByCode,
  elapsedWorkingDays,
  Pause,
  processingTime,
  vietnamCalendar,
  vietnamDateOf,
  WorkingCalendar,
} from '@lien-thong/calendar';
import type { ProcedureKey } from '@lien-thong/contracts';
import { processingOf } from '@lien-thong/procedures';

/** Registration of changes (đăng ký biến động), national procedure code 1.013831. */
export const TRANSFER_PROCEDURE = '1.013831';

/** Read at each use: HOLIDAY_DATA_DIR may replace the bundled holiday data at boot. */
const calendar = (): WorkingCalendar => vietnamCalendar();

export interface Appointment {
  workingDays: number;
  remote: boolean;
  appointmentAt: Date;
}

/**
 * The appointment on the receipt, from the procedure catalogue (libs/procedures): for a
 * transfer 5 working days at the land office, 10 more for a remote, mountain, island or
 * disadvantaged commune (Decision 2304/QĐ-BNNMT of 2025); the day of receipt is not counted
 * and a receipt after 15:00 counts from the next working day (the calendar's office hours).
 * A mortgage has 0 days: the same working day before 15:00, else the next (Decree 99/2022).
 */
export function appointmentFor(
  procedure: ProcedureKey,
  receivedAt: Date,
  communeCode: string,
): Appointment {
  const remote = communeByCode(communeCode)?.remote ?? false;
  const time = processingOf(procedure, vietnamDateOf(receivedAt), { remote });
  const deadline = addWorkingDays(receivedAt, time.workingDays, calendar());
  return { workingDays: time.workingDays, remote, appointmentAt: deadline.dueAt };
}

/** The deadline moved by the pauses so far; null while the clock is stopped. */
export function currentDeadline(
  receivedAt: Date,
  workingDays: number,
  pauses: readonly Pause[],
): Date | null {
  if (pauses.some((p) => !p.to)) return null;
  return addWorkingDays(receivedAt, workingDays, calendar(), { pauses }).dueAt;
}

/** Working days the land office has used, pauses excluded. */
export function workingDaysUsed(receivedAt: Date, until: Date, pauses: readonly Pause[]): number {
  return elapsedWorkingDays(receivedAt, until, calendar(), pauses);
}

/** A new appointment `extra` working days after the current one (apology letter, form 04). */
export function postponed(from: Date, extra: number): Date {
  return addWorkingDays(from, extra, calendar()).dueAt;
}

export function isLateSoon(dueAt: Date, now: Date): boolean {
  return dueSoonUntil(now).getTime() >= dueAt.getTime();
}

/** One working day of warning: the apology must reach the citizen before the deadline. */
export function dueSoonUntil(now: Date): Date {
  return addWorkingDays(now, 1, calendar()).dueAt;
}

/** The inter-agency deadline of each handoff, by the rule in processing-times.json. */
const HANDOFF_RULE: Record<HandoffAgency, string> = {
  'secured-transactions': 'JUSTICE.PARCEL_CHECK',
  'tax-obligation': 'TAX.PIT_AND_REGISTRATION_FEE',
  construction: 'CONSTRUCTION.WORK_CONFIRMATION',
};

export type HandoffAgency = 'secured-transactions' | 'tax-obligation' | 'construction';

/**
 * When an agency handed the dossier at `handedAt` must answer (the Justice check, tax's
 * assessment, the construction authority's confirmation: working days from the calendar), or
 * null where the rules in force then set none. `rule` names another rule of the agency (tax
 * has 5 working days for a household's land-use levy, 3 for income tax and registration fee).
 */
export function agencyDeadline(agency: HandoffAgency, handedAt: Date, rule?: string): Date | null {
  try {
    const code = rule ?? HANDOFF_RULE[agency];
    const time = processingTime(code, vietnamDateOf(handedAt), { remote: false });
    return addWorkingDays(handedAt, time.workingDays, calendar()).dueAt;
  } catch (err) {
    if (err instanceof CalendarException) return null;
    throw err;
  }
}

/**
 * Working days from `now` to the deadline's day (today not counted): 0 on the day itself,
 * negative once it has passed (working days late).
 */
export function workingDaysLeft(deadline: Date, now: Date): number {
  const today = vietnamDateOf(now);
  const due = vietnamDateOf(deadline);
  return due >= today
    ? calendar().workingDaysAfter(today, due)
    : -calendar().workingDaysAfter(due, today);
}
