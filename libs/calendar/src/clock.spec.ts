import {
  addWorkingDays,
  countWorkingDays,
  effectiveReceiptDate,
  elapsedWorkingDays,
  Pause,
} from './clock';
import { vietnamCalendar } from './vietnam-calendar';
import { vietnamInstant } from './vietnam-time';

const calendar = vietnamCalendar();
const at = (date: string, time: string): Date => vietnamInstant(date, time);
const deadline = (date: string, time: string, n = 5, pauses: Pause[] = []) =>
  addWorkingDays(at(date, time), n, calendar, { pauses }).date;

describe('addWorkingDays: the appointment date on a receipt', () => {
  it('does not count the day of receipt', () => {
    // Monday 2/3/2026 → Tue, Wed, Thu, Fri, Mon.
    expect(deadline('2026-03-02', '10:00')).toBe('2026-03-09');
  });

  it('gives a dossier received at 15:01 on a Friday one more working day', () => {
    expect(deadline('2026-03-06', '14:59')).toBe('2026-03-13');
    expect(deadline('2026-03-06', '15:00')).toBe('2026-03-13');
    expect(deadline('2026-03-06', '15:01')).toBe('2026-03-16');
    expect(effectiveReceiptDate(at('2026-03-06', '15:01'), calendar)).toBe('2026-03-09');
  });

  it('treats a weekend online submission as received on Monday', () => {
    expect(deadline('2026-03-07', '09:00')).toBe('2026-03-16');
  });

  it('skips the whole of Tết 2026', () => {
    // Thursday 12/2: Fri 13 is day 1, then Tết, then 23–26/2.
    expect(deadline('2026-02-12', '10:00')).toBe('2026-02-26');
    // Received after the cut-off on the last day before Tết.
    expect(deadline('2026-02-13', '16:00')).toBe('2026-03-02');
  });

  it('skips Tết 2025 and counts the swapped Saturday 26/4/2025', () => {
    expect(deadline('2025-01-24', '10:00')).toBe('2025-02-07');
    // Thu 24/4: Fri 25, Sat 26 (worked), Mon 28, Tue 29, then 30/4–4/5 off, Mon 5/5.
    expect(deadline('2025-04-24', '10:00')).toBe('2025-05-05');
  });

  it('adds ten working days in a remote commune (15 in all)', () => {
    expect(deadline('2026-03-02', '10:00', 15)).toBe('2026-03-23');
  });

  it('ends the deadline day at the office closing time, 17:00 local', () => {
    const result = addWorkingDays(at('2026-03-02', '10:00'), 5, calendar);
    expect(result.dueAt.toISOString()).toBe('2026-03-09T10:00:00.000Z');
  });

  it('stops the clock while tax works and restarts it like a new receipt', () => {
    const pauses: Pause[] = [
      { from: at('2026-03-04', '10:00'), to: at('2026-03-09', '11:00'), reason: 'TAX_ASSESSMENT' },
    ];
    // Tue 3 and Wed 4 count; back on Mon 9, so Tue 10, Wed 11, Thu 12.
    expect(deadline('2026-03-02', '09:00', 5, pauses)).toBe('2026-03-12');
  });

  it('restarts a supplemented dossier returned after 15:00 on the next working day', () => {
    const pauses: Pause[] = [
      { from: at('2026-03-03', '09:00'), to: at('2026-03-06', '16:30'), reason: 'SUPPLEMENT' },
    ];
    // Tue 3 counts (1); restart counts from Mon 9 → Tue 10 … Fri 13 (2–5).
    expect(deadline('2026-03-02', '09:00', 5, pauses)).toBe('2026-03-13');
  });

  it('chains several pauses (tax, then payment)', () => {
    const pauses: Pause[] = [
      { from: at('2026-03-10', '09:00'), to: at('2026-03-11', '09:00'), reason: 'CITIZEN_PAYMENT' },
      { from: at('2026-03-03', '09:00'), to: at('2026-03-05', '09:00'), reason: 'TAX_ASSESSMENT' },
    ];
    // 3 (1); resume 5 → 6 (2), 9 (3), 10 (4); resume 11 → 12 (5).
    expect(deadline('2026-03-02', '09:00', 5, pauses)).toBe('2026-03-12');
  });

  it('cannot tell the deadline while an open pause stops the clock', () => {
    const open: Pause[] = [{ from: at('2026-03-03', '09:00'), reason: 'CITIZEN_PAYMENT' }];
    expect(() => deadline('2026-03-02', '09:00', 5, open)).toThrow('CALENDAR.CLOCK_PAUSED');
    // …but a deadline reached before the pause began is still known.
    const late: Pause[] = [{ from: at('2026-03-20', '09:00'), to: null, reason: 'OTHER_EXCLUDED' }];
    expect(deadline('2026-03-02', '09:00', 5, late)).toBe('2026-03-09');
  });

  it('rejects overlapping pauses and pauses before the receipt', () => {
    const overlap: Pause[] = [
      { from: at('2026-03-03', '09:00'), to: at('2026-03-05', '09:00'), reason: 'TAX_ASSESSMENT' },
      { from: at('2026-03-04', '09:00'), to: at('2026-03-06', '09:00'), reason: 'SUPPLEMENT' },
    ];
    expect(() => deadline('2026-03-02', '09:00', 5, overlap)).toThrow('CALENDAR.INVALID_PAUSES');
    const before: Pause[] = [
      { from: at('2026-03-01', '09:00'), to: at('2026-03-03', '09:00'), reason: 'SUPPLEMENT' },
    ];
    expect(() => deadline('2026-03-02', '09:00', 5, before)).toThrow('CALENDAR.INVALID_PAUSES');
  });

  it('rejects a negative or fractional number of days', () => {
    expect(() => addWorkingDays(at('2026-03-02', '09:00'), -1, calendar)).toThrow(
      'CALENDAR.INVALID_ARGUMENT',
    );
    expect(() => addWorkingDays(at('2026-03-02', '09:00'), 1.5, calendar)).toThrow(
      'CALENDAR.INVALID_ARGUMENT',
    );
  });

  it('runs past the last year with data on weekends only (an operator is alerted elsewhere)', () => {
    expect(deadline('2027-12-27', '09:00', 15)).toBe('2028-01-17');
  });
});

describe('countWorkingDays and elapsedWorkingDays', () => {
  it('counts the days used, the current day included', () => {
    const received = at('2026-03-02', '10:00');
    expect(countWorkingDays(received, at('2026-03-02', '16:00'), calendar)).toBe(0);
    expect(countWorkingDays(received, at('2026-03-03', '08:00'), calendar)).toBe(1);
    expect(countWorkingDays(received, at('2026-03-09', '17:00'), calendar)).toBe(5);
    expect(countWorkingDays(received, at('2026-03-01', '10:00'), calendar)).toBe(0);
  });

  it('does not count time with the citizen for supplementing', () => {
    const pauses: Pause[] = [
      { from: at('2026-03-03', '09:00'), to: at('2026-03-10', '09:00'), reason: 'SUPPLEMENT' },
    ];
    expect(
      elapsedWorkingDays(at('2026-03-02', '09:00'), at('2026-03-09', '12:00'), calendar, pauses),
    ).toBe(1);
    expect(
      elapsedWorkingDays(at('2026-03-02', '09:00'), at('2026-03-12', '12:00'), calendar, pauses),
    ).toBe(3);
  });

  it('stops counting at an open pause', () => {
    const pauses: Pause[] = [{ from: at('2026-03-04', '09:00'), reason: 'CITIZEN_PAYMENT' }];
    expect(
      elapsedWorkingDays(at('2026-03-02', '09:00'), at('2026-03-31', '12:00'), calendar, pauses),
    ).toBe(2);
  });
});
