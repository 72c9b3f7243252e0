export { CalendarErrorCode, CalendarException } from './errors';
export {
  addDays,
  assertLocalDate,
  daysBetween,
  dayOfWeek,
  isLocalDate,
  maxDate,
  yearOf,
} from './local-date';
export type { LocalDate } from './local-date';
export { toVietnamLocal, vietnamDateOf, vietnamInstant } from './vietnam-time';
export type { LocalDateTime } from './vietnam-time';
export { assertWellOrdered, findInForce, selectInForce } from './effective-dated';
export type { EffectiveDated, LegalBasis } from './effective-dated';
export { parseHolidayYear } from './holiday-data';
export type {
  HolidayYear,
  RestDay,
  RestDayReason,
  Weekday,
  WorkingWeekendDay,
} from './holiday-data';
export { WorkingCalendar } from './working-calendar';
export type { DayInfo, DayKind, UncoveredYears } from './working-calendar';
export {
  addWorkingDays,
  countWorkingDays,
  effectiveReceiptDate,
  elapsedWorkingDays,
} from './clock';
export type { ClockOptions, Deadline, Pause, PauseReason } from './clock';
export { parseProcessingTimes, processingTimeFrom } from './processing-times';
export type {
  OfficeHours,
  OfficeHoursVersion,
  ProcedureAgency,
  ProcedureTime,
  ProcessingTime,
  ProcessingTimesData,
  ProcessingTimesVersion,
} from './processing-times';
export { communeByCode, communesOf, provinceByCode, provinces } from './admin-units';
export type { Commune, CommuneKind, Province } from './admin-units';
export {
  bundledProcessingTimes,
  createWorkingCalendar,
  processingTime,
  useHolidayFiles,
  vietnamCalendar,
} from './vietnam-calendar';
