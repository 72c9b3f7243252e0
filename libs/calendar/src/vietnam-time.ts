import { CalendarErrorCode, CalendarException } from './errors';
import { assertLocalDate, LocalDate } from './local-date';

/**
 * Asia/Ho_Chi_Minh has been UTC+7 without daylight saving since 1975, so a fixed offset
 * is exact for every date this product handles. This constant and the two functions
 * below are the only place where instants and local times meet.
 */
const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;
const MS_PER_MINUTE = 60_000;

/** The local wall-clock reading of an instant: its date and minutes since local midnight. */
export interface LocalDateTime {
  date: LocalDate;
  minuteOfDay: number;
  /** Milliseconds since local midnight, for exact comparisons with a cut-off. */
  msOfDay: number;
}

/** Reads an instant on a wall clock in Vietnam. */
export function toVietnamLocal(instant: Date): LocalDateTime {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) {
    throw new CalendarException(CalendarErrorCode.INVALID_DATE, 'instant is an invalid Date');
  }
  const shifted = new Date(ms + VIETNAM_UTC_OFFSET_MINUTES * MS_PER_MINUTE);
  const date = shifted.toISOString().slice(0, 10);
  const msOfDay = ms + VIETNAM_UTC_OFFSET_MINUTES * MS_PER_MINUTE - Date.parse(`${date}T00:00:00Z`);
  return { date, minuteOfDay: Math.floor(msOfDay / MS_PER_MINUTE), msOfDay };
}

/** The instant at which a Vietnamese wall clock shows `time` (`HH:mm`) on `date`. */
export function vietnamInstant(date: LocalDate, time: string): Date {
  assertLocalDate(date);
  const minutes = parseClockTime(time);
  return new Date(
    Date.parse(`${date}T00:00:00Z`) + (minutes - VIETNAM_UTC_OFFSET_MINUTES) * MS_PER_MINUTE,
  );
}

/** The local date in Vietnam of an instant. */
export function vietnamDateOf(instant: Date): LocalDate {
  return toVietnamLocal(instant).date;
}

/** Minutes since midnight of a `HH:mm` clock time. */
export function parseClockTime(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) {
    throw new CalendarException(
      CalendarErrorCode.INVALID_ARGUMENT,
      `time must be HH:mm, got ${time}`,
    );
  }
  return Number(match[1]) * 60 + Number(match[2]);
}
