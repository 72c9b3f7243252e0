import fc from 'fast-check';
import { addWorkingDays, countWorkingDays, effectiveReceiptDate, Pause } from './clock';
import { addDays, daysBetween } from './local-date';
import { vietnamCalendar } from './vietnam-calendar';
import { vietnamDateOf, vietnamInstant } from './vietnam-time';

const calendar = vietnamCalendar();
const MIN = vietnamInstant('2025-01-01', '00:00').getTime();
const MAX = vietnamInstant('2027-06-30', '23:59').getTime();
const HOUR = 3_600_000;

const instant = fc.integer({ min: MIN, max: MAX }).map((ms) => new Date(ms));
const workingDays = fc.integer({ min: 0, max: 40 });
const dateArb = fc
  .integer({ min: 0, max: daysBetween('2025-01-01', '2027-10-31') })
  .map((d) => addDays('2025-01-01', d));

/** Up to three closed, non-overlapping pauses after the receipt. */
const withPauses = fc
  .tuple(
    instant,
    fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 })), {
      maxLength: 3,
    }),
  )
  .map(([receivedAt, gaps]) => {
    const pauses: Pause[] = [];
    let cursor = receivedAt.getTime();
    for (const [gap, length] of gaps) {
      const from = cursor + gap * HOUR;
      const to = from + length * HOUR;
      pauses.push({ from: new Date(from), to: new Date(to), reason: 'SUPPLEMENT' });
      cursor = to;
    }
    return { receivedAt, pauses };
  });

const runs = { numRuns: 150 };

describe('calendar laws', () => {
  it('counting the days up to a deadline gives back N', () => {
    fc.assert(
      fc.property(instant, workingDays, (receivedAt, n) => {
        const { dueAt } = addWorkingDays(receivedAt, n, calendar);
        expect(countWorkingDays(receivedAt, dueAt, calendar)).toBe(n);
      }),
      runs,
    );
  });

  it('never returns a rest day as a deadline', () => {
    fc.assert(
      fc.property(instant, workingDays, (receivedAt, n) => {
        expect(calendar.isWorkingDay(addWorkingDays(receivedAt, n, calendar).date)).toBe(true);
      }),
      runs,
    );
  });

  it('is monotonic in N and in the receipt time', () => {
    fc.assert(
      fc.property(instant, instant, workingDays, workingDays, (a, b, n, m) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const [few, many] = n <= m ? [n, m] : [m, n];
        expect(
          addWorkingDays(early, few, calendar).date <= addWorkingDays(early, many, calendar).date,
        ).toBe(true);
        expect(
          addWorkingDays(early, n, calendar).date <= addWorkingDays(late, n, calendar).date,
        ).toBe(true);
      }),
      runs,
    );
  });

  it('puts a deadline of N ≥ 1 days strictly after the day of receipt', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 }), (receivedAt, n) => {
        const due = addWorkingDays(receivedAt, n, calendar).date;
        expect(due > vietnamDateOf(receivedAt)).toBe(true);
        expect(due > effectiveReceiptDate(receivedAt, calendar)).toBe(true);
      }),
      runs,
    );
  });

  it('only ever rolls forward, onto a working day, over rest days only', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const rolled = calendar.rollToWorkingDay(date);
        expect(rolled >= date).toBe(true);
        expect(calendar.isWorkingDay(rolled)).toBe(true);
        for (let d = date; d < rolled; d = addDays(d, 1))
          expect(calendar.isWorkingDay(d)).toBe(false);
      }),
      runs,
    );
  });

  it('never ends a calendar-day period on a rest day', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 90 }), (date, days) => {
        fc.pre(daysBetween(date, '2027-12-20') > days);
        const due = calendar.addCalendarDaysRolled(date, days);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(daysBetween(date, due) >= days).toBe(true);
      }),
      runs,
    );
  });

  it('pauses only push a deadline later, and counting still gives back N', () => {
    fc.assert(
      fc.property(withPauses, workingDays, ({ receivedAt, pauses }, n) => {
        const paused = addWorkingDays(receivedAt, n, calendar, { pauses });
        expect(paused.date >= addWorkingDays(receivedAt, n, calendar).date).toBe(true);
        expect(calendar.isWorkingDay(paused.date)).toBe(true);
        expect(countWorkingDays(receivedAt, paused.dueAt, calendar, { pauses })).toBe(n);
      }),
      runs,
    );
  });

  it('counts days monotonically as time passes', () => {
    fc.assert(
      fc.property(withPauses, instant, instant, ({ receivedAt, pauses }, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const opts = { pauses };
        expect(countWorkingDays(receivedAt, early, calendar, opts)).toBeLessThanOrEqual(
          countWorkingDays(receivedAt, late, calendar, opts),
        );
      }),
      runs,
    );
  });
});
