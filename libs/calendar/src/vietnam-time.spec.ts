import { addDays, daysBetween, dayOfWeek, isLocalDate } from './local-date';
import { toVietnamLocal, vietnamDateOf, vietnamInstant } from './vietnam-time';

describe('Vietnam local time', () => {
  it('reads 08:01 UTC as 15:01 in Hà Nội', () => {
    const local = toVietnamLocal(new Date('2026-03-06T08:01:00Z'));
    expect(local).toMatchObject({ date: '2026-03-06', minuteOfDay: 15 * 60 + 1 });
  });

  it('puts 17:30 UTC on the next local day', () => {
    expect(vietnamDateOf(new Date('2026-02-16T17:30:00Z'))).toBe('2026-02-17');
  });

  it('builds the instant of a local wall-clock time', () => {
    expect(vietnamInstant('2026-02-27', '17:00').toISOString()).toBe('2026-02-27T10:00:00.000Z');
    expect(vietnamInstant('2026-01-01', '00:00').toISOString()).toBe('2025-12-31T17:00:00.000Z');
  });

  it('rejects malformed clock times and invalid instants', () => {
    expect(() => vietnamInstant('2026-01-01', '24:00')).toThrow('CALENDAR.INVALID_ARGUMENT');
    expect(() => toVietnamLocal(new Date('nope'))).toThrow('CALENDAR.INVALID_DATE');
  });
});

describe('LocalDate', () => {
  it('accepts real dates only', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-2-1')).toBe(false);
  });

  it('does date arithmetic across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2025-01-01', '2025-07-03')).toBe(183);
    expect(dayOfWeek('2026-02-22')).toBe(0);
  });
});
