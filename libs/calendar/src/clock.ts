import { CalendarErrorCode, CalendarException } from './errors';
import { LocalDate } from './local-date';
import { parseClockTime, toVietnamLocal, vietnamDateOf, vietnamInstant } from './vietnam-time';
import { WorkingCalendar } from './working-calendar';

/** Why the processing clock is stopped (domain.md, "Time"). */
export type PauseReason = 'TAX_ASSESSMENT' | 'CITIZEN_PAYMENT' | 'SUPPLEMENT' | 'OTHER_EXCLUDED';

/**
 * An interval during which the land office's clock does not run: tax is determining the
 * obligations, the citizen is paying, or the dossier is back with the citizen. `to` is
 * omitted (or null) while the pause is still going on.
 */
export interface Pause {
  from: Date;
  to?: Date | null;
  reason: PauseReason;
}

/** A deadline as a local date and as the instant the office closes that day. */
export interface Deadline {
  date: LocalDate;
  dueAt: Date;
}

export interface ClockOptions {
  pauses?: readonly Pause[];
  /** Overrides the cut-off from the office-hours data (`HH:mm`). */
  receiptCutoff?: string;
}

/**
 * The day after which counting starts ("day zero"). The day of receipt is not counted; a
 * dossier received after the cut-off (15:00), or on a rest day, is handled as received on
 * the next working day (Decree 61/2018 art. 19). A receipt at exactly 15:00:00 is in time.
 */
export function effectiveReceiptDate(
  receivedAt: Date,
  calendar: WorkingCalendar,
  receiptCutoff?: string,
): LocalDate {
  const local = toVietnamLocal(receivedAt);
  if (!calendar.isWorkingDay(local.date)) return calendar.nextWorkingDay(local.date);
  const cutoff = receiptCutoff ?? calendar.officeHoursOn(local.date).receiptCutoff;
  const afterCutoff = local.msOfDay > parseClockTime(cutoff) * 60_000;
  return afterCutoff ? calendar.nextWorkingDay(local.date) : local.date;
}

/**
 * The deadline `n` working days after a receipt, skipping pauses. Each time the clock
 * restarts (a supplemented dossier comes back, tax answers) it restarts like a new receipt:
 * that day is not counted, and after the cut-off counting starts a day later. The day a
 * pause begins still counts, since the office worked on the dossier that day.
 * Throws `CALENDAR.CLOCK_PAUSED` when an open pause prevents the deadline from being known.
 */
export function addWorkingDays(
  receivedAt: Date,
  n: number,
  calendar: WorkingCalendar,
  opts: ClockOptions = {},
): Deadline {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new CalendarException(
      CalendarErrorCode.INVALID_ARGUMENT,
      `n must be a non-negative integer, got ${n}`,
    );
  }
  let remaining = n;
  for (const segment of runningSegments(receivedAt, opts.pauses ?? [])) {
    const dayZero = effectiveReceiptDate(segment.start, calendar, opts.receiptCutoff);
    if (remaining === 0) return deadlineOn(dayZero, calendar);
    if (segment.end !== undefined) {
      const available = calendar.workingDaysAfter(dayZero, vietnamDateOf(segment.end));
      if (available < remaining) {
        remaining -= available;
        continue;
      }
    }
    return deadlineOn(calendar.nthWorkingDayAfter(dayZero, remaining), calendar);
  }
  throw new CalendarException(
    CalendarErrorCode.CLOCK_PAUSED,
    'the clock is paused; the deadline is not known until it restarts',
  );
}

/**
 * Working days that have counted between a receipt and `to` (the day of `to` included),
 * with pauses excluded. `countWorkingDays(r, addWorkingDays(r, n).dueAt) === n`.
 */
export function countWorkingDays(
  from: Date,
  to: Date,
  calendar: WorkingCalendar,
  opts: ClockOptions = {},
): number {
  if (to.getTime() < from.getTime()) return 0;
  const toDate = vietnamDateOf(to);
  let total = 0;
  for (const segment of runningSegments(from, opts.pauses ?? [])) {
    if (segment.start.getTime() > to.getTime()) break;
    const end =
      segment.end !== undefined && segment.end.getTime() < to.getTime()
        ? vietnamDateOf(segment.end)
        : toDate;
    total += calendar.workingDaysAfter(
      effectiveReceiptDate(segment.start, calendar, opts.receiptCutoff),
      end,
    );
  }
  return total;
}

/** Working days used so far by a dossier received at `start`, pauses excluded (today counts). */
export function elapsedWorkingDays(
  start: Date,
  now: Date,
  calendar: WorkingCalendar,
  pauses: readonly Pause[],
): number {
  return countWorkingDays(start, now, calendar, { pauses });
}

interface Segment {
  start: Date;
  /** Instant the clock stopped; undefined for the final, open-ended run. */
  end?: Date;
}

/** Splits the time after `start` into the periods in which the clock runs. */
function runningSegments(start: Date, pauses: readonly Pause[]): Segment[] {
  const sorted = [...pauses].sort((a, b) => a.from.getTime() - b.from.getTime());
  const segments: Segment[] = [];
  let cursor: Date | undefined = start;
  for (const pause of sorted) {
    if (cursor === undefined) invalidPauses('a pause follows a pause that has not ended');
    if (pause.from.getTime() < cursor.getTime())
      invalidPauses('pauses overlap or begin before the receipt');
    const to = pause.to ?? undefined;
    if (to !== undefined && to.getTime() < pause.from.getTime())
      invalidPauses('a pause ends before it begins');
    segments.push({ start: cursor, end: pause.from });
    cursor = to;
  }
  if (cursor !== undefined) segments.push({ start: cursor });
  return segments;
}

function deadlineOn(date: LocalDate, calendar: WorkingCalendar): Deadline {
  return { date, dueAt: vietnamInstant(date, calendar.officeHoursOn(date).closesAt) };
}

function invalidPauses(message: string): never {
  throw new CalendarException(CalendarErrorCode.INVALID_PAUSES, message);
}
