import holidays2026 from './data/vn-holidays-2026.json';
import holidays2027 from './data/vn-holidays-2027.json';
import { parseHolidayYear } from './holiday-data';
import { createWorkingCalendar } from './vietnam-calendar';

const clone = (): Record<string, unknown> =>
  JSON.parse(JSON.stringify(holidays2026)) as Record<string, unknown>;

describe('holiday data files', () => {
  it('marks 2027 Tết as unconfirmed until the annual notice', () => {
    const calendar = createWorkingCalendar([clone()]);
    expect(calendar.coveredYears).toEqual([2026]);
    const year2027 = parseHolidayYear(holidays2027);
    expect(year2027.restDays.filter((d) => d.reason === 'TET').every((d) => !d.confirmed)).toBe(
      true,
    );
    expect(year2027.unconfirmed.join(' ')).toMatch(/announced late in the previous year/);
  });

  it('rejects a swapped "working Saturday" that is a weekday', () => {
    const data = clone();
    data.workingSaturdays = [{ date: '2026-01-09', nameVi: 'x', confirmed: true }];
    expect(() => parseHolidayYear(data)).toThrow('CALENDAR.INVALID_DATA');
  });

  it('rejects a rest day outside the file year or with an unknown reason', () => {
    const wrongYear = clone();
    wrongYear.restDays = [{ date: '2025-12-31', nameVi: 'x', reason: 'TET', confirmed: true }];
    expect(() => parseHolidayYear(wrongYear)).toThrow('CALENDAR.INVALID_DATA');
    const wrongReason = clone();
    wrongReason.restDays = [
      { date: '2026-12-31', nameVi: 'x', reason: 'BIRTHDAY', confirmed: true },
    ];
    expect(() => parseHolidayYear(wrongReason)).toThrow('CALENDAR.INVALID_DATA');
  });

  it('rejects two files for the same year', () => {
    expect(() => createWorkingCalendar([clone(), clone()])).toThrow('CALENDAR.INVALID_DATA');
  });
});
