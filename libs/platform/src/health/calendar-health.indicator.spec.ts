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

  it('is quiet while the bundled data covers this year', async () => {
    const calendar = vietnamCalendar();
    const indicator = new CalendarHealthIndicator(calendar);
    try {
      const health = await indicator.check();
      expect(health.status).toBe('up');
      expect(health['coveredYears']).toEqual(expect.arrayContaining([2026, 2027]));
      const thisYear = new Date().getFullYear();
      if (calendar.coveredYears.includes(thisYear + 1)) expect(health['alertVi']).toBeUndefined();
    } finally {
      indicator.onModuleDestroy();
    }
  });
});
