import { createWorkingCalendar, vietnamCalendar } from '@lien-thong/calendar';
import { CalendarHealthIndicator } from './calendar-health.indicator';

describe('/health on the holiday data', () => {
  it('raises an operator alert, staying up, once a date of a year without data was counted', async () => {
    const calendar = createWorkingCalendar([], undefined, 'weekends-only');
    const indicator = new CalendarHealthIndicator(calendar);
    try {
      expect(calendar.isWorkingDay('2031-01-06')).toBe(true); // intake goes on
      const health = await indicator.check();
      expect(health.status).toBe('up');
      expect(health['assumedYears']).toContain(2031);
      expect(health['alertVi']).toContain('Thiếu dữ liệu ngày nghỉ lễ năm');
      expect(health['alertVi']).toContain('2031');
    } finally {
      indicator.onModuleDestroy();
    }
  });

  it('is quiet while the data covers this year, and warns from October when next year is missing', async () => {
    const calendar = vietnamCalendar(); // bundled data: 2025 to 2027
    const at = (iso: string) => new CalendarHealthIndicator(calendar, () => new Date(iso));
    const june = at('2027-06-15T03:00:00Z');
    const october = at('2027-10-01T03:00:00Z');
    try {
      expect(await june.check()).toMatchObject({ status: 'up', coveredYears: [2025, 2026, 2027] });
      expect((await june.check())['alertVi']).toBeUndefined();
      const warned = await october.check();
      expect(warned.status).toBe('up');
      expect(warned['assumedYears']).toEqual([2028]);
      expect(warned['alertVi']).toContain('2028');
    } finally {
      june.onModuleDestroy();
      october.onModuleDestroy();
    }
  });
});
