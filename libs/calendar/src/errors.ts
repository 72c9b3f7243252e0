/**
 * Machine-readable error codes of the calendar library. They are namespaced strings, not
 * classes, because `instanceof` does not survive a Kafka hop (house style 5).
 */
export const CalendarErrorCode = {
  /** A date falls in a year for which no holiday data is bundled; never guess "all working". */
  YEAR_NOT_COVERED: 'CALENDAR.YEAR_NOT_COVERED',
  INVALID_DATE: 'CALENDAR.INVALID_DATE',
  INVALID_ARGUMENT: 'CALENDAR.INVALID_ARGUMENT',
  /** A deadline was asked for while the clock is stopped (a pause with no end). */
  CLOCK_PAUSED: 'CALENDAR.CLOCK_PAUSED',
  INVALID_PAUSES: 'CALENDAR.INVALID_PAUSES',
  /** No effective-dated rule version covers the requested date. */
  NO_RULE_IN_FORCE: 'CALENDAR.NO_RULE_IN_FORCE',
  UNKNOWN_PROCEDURE: 'CALENDAR.UNKNOWN_PROCEDURE',
  INVALID_DATA: 'CALENDAR.INVALID_DATA',
} as const;

export type CalendarErrorCode = (typeof CalendarErrorCode)[keyof typeof CalendarErrorCode];

/** Thrown by every function of this library; `code` is what callers should branch on. */
export class CalendarException extends Error {
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'CalendarException';
  }
}
