import { createWorkingCalendar, vietnamCalendar } from './vietnam-calendar';

const calendar = vietnamCalendar();

describe('WorkingCalendar (bundled Vietnamese data)', () => {
  it('covers 2025 to 2027', () => {
    expect(calendar.coveredYears).toEqual([2025, 2026, 2027]);
  });

  it('treats weekends as rest days and ordinary weekdays as working days', () => {
    expect(calendar.isWorkingDay('2026-03-06')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-03-08')).toBe(false); // Sunday
  });

  it('closes offices for the whole civil-service Tết 2026, 14 to 22 February', () => {
    for (let d = 14; d <= 22; d++) expect(calendar.isWorkingDay(`2026-02-${d}`)).toBe(false);
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(true);
    expect(calendar.explainDay('2026-02-17')).toMatchObject({ kind: 'REST_DAY', reason: 'TET' });
  });

  it('closes offices for Tết 2025, 25 January to 2 February', () => {
    for (const d of ['2025-01-27', '2025-01-29', '2025-01-31'])
      expect(calendar.isWorkingDay(d)).toBe(false);
    expect(calendar.isWorkingDay('2025-02-03')).toBe(true);
  });

  it('opens on the swapped Saturday 26/4/2025 and closes on Friday 2/5/2025', () => {
    expect(calendar.explainDay('2025-04-26')).toMatchObject({
      working: true,
      kind: 'WORKING_WEEKEND',
    });
    expect(calendar.explainDay('2025-05-02')).toMatchObject({ working: false, reason: 'SWAPPED' });
  });

  it('gives the compensatory Monday when a holiday falls on a weekend', () => {
    expect(calendar.explainDay('2026-04-27')).toMatchObject({
      working: false,
      reason: 'COMPENSATORY',
    });
    expect(calendar.explainDay('2027-05-03')).toMatchObject({
      working: false,
      reason: 'COMPENSATORY',
    });
  });

  it('names the holiday in Vietnamese', () => {
    expect(calendar.explainDay('2025-09-02').nameVi).toBe('Quốc khánh');
  });

  it('counts a year without data with weekends only, so that intake goes on, and says which', () => {
    expect(calendar.isWorkingDay('2028-01-03')).toBe(true); // Monday
    expect(calendar.isWorkingDay('2028-01-08')).toBe(false); // Saturday
    expect(calendar.explainDay('2028-01-09').kind).toBe('WEEKLY_REST');
    expect(calendar.nthWorkingDayAfter('2027-12-28', 5)).toBe('2028-01-04');
    expect(calendar.assumedYears).toContain(2028);
    expect(calendar.coveredYears).toEqual([2025, 2026, 2027]);
  });

  it('refuses to guess about years without data when built to be strict', () => {
    const strict = createWorkingCalendar([], undefined, 'throw');
    expect(() => strict.isWorkingDay('2026-01-05')).toThrow('CALENDAR.YEAR_NOT_COVERED');
    expect(strict.assumedYears).toEqual([]);
  });

  it('rolls a deadline on a Sunday to Monday', () => {
    expect(calendar.rollToWorkingDay('2026-03-08')).toBe('2026-03-09');
    expect(calendar.rollToWorkingDay('2026-03-09')).toBe('2026-03-09');
  });

  it('rolls a deadline that lands inside Tết to the first day back', () => {
    expect(calendar.rollToWorkingDay('2026-02-17')).toBe('2026-02-23');
    // A 30-day payment period from 18/01/2026 ends on 17/02/2026, mùng 1 Tết.
    expect(calendar.addCalendarDaysRolled('2026-01-18', 30)).toBe('2026-02-23');
  });

  it('rolls across the 30/4–1/5 break plus the compensatory Hùng Kings day', () => {
    expect(calendar.rollToWorkingDay('2026-04-25')).toBe('2026-04-28');
    expect(calendar.rollToWorkingDay('2026-04-30')).toBe('2026-05-04');
  });

  it('counts working days inside a range', () => {
    // Week of 9–13 March 2026: five working days.
    expect(calendar.workingDaysAfter('2026-03-08', '2026-03-13')).toBe(5);
    // 13/02/2026 to 23/02/2026 spans Tết: only Monday 23 counts.
    expect(calendar.workingDaysAfter('2026-02-13', '2026-02-23')).toBe(1);
    expect(calendar.workingDaysAfter('2026-03-13', '2026-03-01')).toBe(0);
  });

  it('knows the receipt cut-off and closing time', () => {
    expect(calendar.officeHoursOn('2026-03-06')).toMatchObject({
      receiptCutoff: '15:00',
      closesAt: '17:00',
    });
  });
});
