import { CalendarErrorCode, CalendarException } from './errors';

/**
 * A civil date in Asia/Ho_Chi_Minh written as `YYYY-MM-DD`. Plain strings sort and compare
 * correctly, serialise to JSON and MongoDB unchanged, and need no time zone.
 */
export type LocalDate = string;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True when `value` is a real calendar date written as `YYYY-MM-DD`. */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return (
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day
  );
}

/** Returns `value` unchanged, or throws `CALENDAR.INVALID_DATE`. */
export function assertLocalDate(value: unknown, what = 'date'): LocalDate {
  if (!isLocalDate(value)) {
    throw new CalendarException(
      CalendarErrorCode.INVALID_DATE,
      `${what} must be YYYY-MM-DD, got ${String(value)}`,
    );
  }
  return value;
}

/** Days since 1970-01-01; the arithmetic runs in UTC where no day is ever 23 or 25 hours. */
export function toEpochDay(date: LocalDate): number {
  assertLocalDate(date);
  return Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
}

export function fromEpochDay(epochDay: number): LocalDate {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isSafeInteger(days)) {
    throw new CalendarException(
      CalendarErrorCode.INVALID_ARGUMENT,
      `days must be an integer, got ${days}`,
    );
  }
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** 0 = Sunday … 6 = Saturday, as in `Date#getUTCDay`. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(toEpochDay(date) * MS_PER_DAY).getUTCDay();
}

export function yearOf(date: LocalDate): number {
  return Number(assertLocalDate(date).slice(0, 4));
}

/** The later of two dates. */
export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}
