import { selectInForce } from './effective-dated';
import { CalendarErrorCode, CalendarException } from './errors';
import { HolidayYear, RestDay, RestDayReason, weekdayOf, WorkingWeekendDay } from './holiday-data';
import { addDays, assertLocalDate, LocalDate, yearOf } from './local-date';
import { OfficeHours, OfficeHoursVersion } from './processing-times';

/** How a day is classified, so a screen can say why a date is not a working day. */
export type DayKind = 'WORKING_DAY' | 'WEEKLY_REST' | 'REST_DAY' | 'WORKING_WEEKEND';

export interface DayInfo {
  date: LocalDate;
  working: boolean;
  kind: DayKind;
  nameVi?: string;
  reason?: RestDayReason;
}

/**
 * What a calendar does with a year it has no data for: throw `CALENDAR.YEAR_NOT_COVERED`, or
 * count Saturdays and Sundays as the only rest days and remember that it did (so that an
 * operator is told: the holidays of that year are missing and deadlines may come too early).
 */
export type UncoveredYears = 'throw' | 'weekends-only';

/**
 * Working days of state offices in Viet Nam: weekdays that are not holidays, plus swapped
 * working Saturdays. Built from per-year data; a year without data throws
 * `CALENDAR.YEAR_NOT_COVERED`, or with `uncoveredYears: 'weekends-only'` is assumed to have
 * weekends only (and is listed in `assumedYears`).
 */
export class WorkingCalendar {
  private readonly years = new Map<number, HolidayYear>();
  private readonly restDays = new Map<LocalDate, RestDay>();
  private readonly workingWeekend = new Map<LocalDate, WorkingWeekendDay>();
  private readonly assumed = new Map<number, HolidayYear>();

  constructor(
    years: readonly HolidayYear[],
    private readonly officeHoursVersions: readonly OfficeHoursVersion[],
    private readonly uncoveredYears: UncoveredYears = 'throw',
  ) {
    for (const year of years) {
      if (this.years.has(year.year)) {
        throw new CalendarException(
          CalendarErrorCode.INVALID_DATA,
          `two data files for ${year.year}`,
        );
      }
      this.years.set(year.year, year);
      for (const day of year.restDays) this.restDays.set(day.date, day);
      for (const day of year.workingSaturdays) this.workingWeekend.set(day.date, day);
    }
  }

  /** Years with holiday data, ascending. */
  get coveredYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  /** Years asked about without data, counted with weekends only ('weekends-only'), ascending. */
  get assumedYears(): number[] {
    return [...this.assumed.keys()].sort((a, b) => a - b);
  }

  /** Why `date` is or is not a working day. */
  explainDay(date: LocalDate): DayInfo {
    const year = this.yearData(date);
    const rest = this.restDays.get(date);
    if (rest)
      return { date, working: false, kind: 'REST_DAY', nameVi: rest.nameVi, reason: rest.reason };
    const swapped = this.workingWeekend.get(date);
    if (swapped) return { date, working: true, kind: 'WORKING_WEEKEND', nameVi: swapped.nameVi };
    if (year.weeklyRestDays.days.includes(weekdayOf(date)))
      return { date, working: false, kind: 'WEEKLY_REST' };
    return { date, working: true, kind: 'WORKING_DAY' };
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.explainDay(date).working;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    let day = addDays(date, 1);
    while (!this.isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }

  /** `date` itself when it is a working day, otherwise the next one (Civil Code 2015 art. 148.5). */
  rollToWorkingDay(date: LocalDate): LocalDate {
    return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
  }

  /**
   * A period of `days` calendar days counted from the day after `date` (Civil Code 2015
   * art. 147.1), ending on the next working day when the last day is a rest day (art. 148.5).
   */
  addCalendarDaysRolled(date: LocalDate, days: number): LocalDate {
    return this.rollToWorkingDay(addDays(date, days));
  }

  /** The `n`-th working day strictly after `date`; `date` itself when `n` is 0. */
  nthWorkingDayAfter(date: LocalDate, n: number): LocalDate {
    assertCount(n);
    let day = assertLocalDate(date);
    for (let i = 0; i < n; i++) day = this.nextWorkingDay(day);
    return day;
  }

  /** Working days `d` with `after < d <= upTo`; 0 when `upTo` is not after `after`. */
  workingDaysAfter(after: LocalDate, upTo: LocalDate): number {
    let count = 0;
    for (let day = addDays(after, 1); day <= upTo; day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) count++;
    }
    return count;
  }

  /** Receipt cut-off and closing time in force on `date`. */
  officeHoursOn(date: LocalDate): OfficeHours {
    return selectInForce(this.officeHoursVersions, date, 'office hours');
  }

  private yearData(date: LocalDate): HolidayYear {
    const year = this.years.get(yearOf(date)) ?? this.assumed.get(yearOf(date));
    if (!year && this.uncoveredYears === 'weekends-only') return this.assume(yearOf(date));
    if (!year) {
      throw new CalendarException(
        CalendarErrorCode.YEAR_NOT_COVERED,
        `no holiday data for ${yearOf(date)} (covered: ${this.coveredYears.join(', ')})`,
      );
    }
    return year;
  }

  /** A year without data, in 'weekends-only' mode: Saturdays and Sundays, no holidays. */
  private assume(year: number): HolidayYear {
    const assumed: HolidayYear = {
      year,
      weeklyRestDays: {
        days: ['SATURDAY', 'SUNDAY'],
        legalBasis: {
          document: 'Bộ luật Lao động 2019',
          article: 'Điều 111',
          noteVi: `Chưa có dữ liệu ngày nghỉ lễ năm ${year}: tạm tính chỉ nghỉ thứ Bảy, Chủ nhật`,
          confirmed: false,
        },
      },
      sources: [],
      restDays: [],
      workingSaturdays: [],
      unconfirmed: [`no holiday data for ${year}: weekends only`],
    };
    this.assumed.set(year, assumed);
    return assumed;
  }
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new CalendarException(
      CalendarErrorCode.INVALID_ARGUMENT,
      `a count of days must be a non-negative integer, got ${n}`,
    );
  }
}
