import { LegalBasis } from './effective-dated';
import { CalendarErrorCode, CalendarException } from './errors';
import { arr, bool, date, int, obj, oneOf, str } from './json-guard';
import { parseLegalBasis, parseLegalBases } from './legal-basis-data';
import { dayOfWeek, LocalDate, yearOf } from './local-date';

/** Why a weekday is a rest day (Labour Code 2019 art. 111.3 and 112). */
export type RestDayReason = 'PUBLIC_HOLIDAY' | 'TET' | 'COMPENSATORY' | 'SWAPPED';
const REST_DAY_REASONS: readonly RestDayReason[] = [
  'PUBLIC_HOLIDAY',
  'TET',
  'COMPENSATORY',
  'SWAPPED',
];

const WEEKDAYS = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A day on which state offices are closed, with its name as a citizen reads it. */
export interface RestDay {
  date: LocalDate;
  nameVi: string;
  reason: RestDayReason;
  /** False while the annual notice that fixes this day has not been checked. */
  confirmed: boolean;
}

/** A weekend day turned into a working day by a swap. */
export interface WorkingWeekendDay {
  date: LocalDate;
  nameVi: string;
  confirmed: boolean;
}

/** One year of rest-day data, as bundled in `data/vn-holidays-YYYY.json`. */
export interface HolidayYear {
  year: number;
  weeklyRestDays: { days: Weekday[]; legalBasis: LegalBasis };
  sources: LegalBasis[];
  restDays: RestDay[];
  workingSaturdays: WorkingWeekendDay[];
  unconfirmed: string[];
}

/** Validates a year file; throws `CALENDAR.INVALID_DATA` naming the faulty field. */
export function parseHolidayYear(value: unknown): HolidayYear {
  const o = obj(value, 'holidayYear');
  const year = int(o.year, 'year', 1900);
  const p = `holidays[${year}]`;
  if (o.timeZone !== 'Asia/Ho_Chi_Minh') invalid(`${p}.timeZone must be Asia/Ho_Chi_Minh`);
  const weekly = obj(o.weeklyRestDays, `${p}.weeklyRestDays`);
  const days = arr(weekly.days, `${p}.weeklyRestDays.days`).map((d, i) =>
    oneOf(d, WEEKDAYS, `${p}.weeklyRestDays.days[${i}]`),
  );
  const restDays = arr(o.restDays, `${p}.restDays`).map((item, i): RestDay => {
    const r = obj(item, `${p}.restDays[${i}]`);
    return {
      date: inYear(date(r.date, `${p}.restDays[${i}].date`), year, p),
      nameVi: str(r.nameVi, `${p}.restDays[${i}].nameVi`),
      reason: oneOf(r.reason, REST_DAY_REASONS, `${p}.restDays[${i}].reason`),
      confirmed: bool(r.confirmed, `${p}.restDays[${i}].confirmed`),
    };
  });
  const restDates = new Set(restDays.map((d) => d.date));
  if (restDates.size !== restDays.length) invalid(`${p}.restDays lists a date twice`);
  const workingSaturdays = arr(o.workingSaturdays, `${p}.workingSaturdays`).map(
    (item, i): WorkingWeekendDay => {
      const w = obj(item, `${p}.workingSaturdays[${i}]`);
      const d = inYear(date(w.date, `${p}.workingSaturdays[${i}].date`), year, p);
      if (!days.includes(WEEKDAYS[dayOfWeek(d)]))
        invalid(`${p}.workingSaturdays: ${d} is not a weekly rest day`);
      if (restDates.has(d)) invalid(`${p}.workingSaturdays: ${d} is also a rest day`);
      return {
        date: d,
        nameVi: str(w.nameVi, `${p}.workingSaturdays[${i}].nameVi`),
        confirmed: bool(w.confirmed, `${p}.workingSaturdays[${i}].confirmed`),
      };
    },
  );
  return {
    year,
    weeklyRestDays: {
      days,
      legalBasis: parseLegalBasis(weekly.legalBasis, `${p}.weeklyRestDays.legalBasis`),
    },
    sources: parseLegalBases(o.sources, `${p}.sources`),
    restDays,
    workingSaturdays,
    unconfirmed: arr(o.unconfirmed ?? [], `${p}.unconfirmed`).map((u, i) =>
      str(u, `${p}.unconfirmed[${i}]`),
    ),
  };
}

/** Name of a weekday as used in the data files. */
export function weekdayOf(date: LocalDate): Weekday {
  return WEEKDAYS[dayOfWeek(date)];
}

function inYear(d: LocalDate, year: number, p: string): LocalDate {
  if (yearOf(d) !== year) invalid(`${p}: ${d} is outside ${year}`);
  return d;
}

function invalid(message: string): never {
  throw new CalendarException(CalendarErrorCode.INVALID_DATA, message);
}
