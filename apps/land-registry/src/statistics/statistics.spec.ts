import { dossier } from '../testing/dossier.fixture';
import type { Dossier, TimelineEntry } from '../dossiers/dossier';
import { computeStatistics } from './statistics';
import { statisticsCsv } from './statistics-csv';

/** 10:00 in Hà Nội on a day of November 2026 (1 November is a Sunday; no holiday that month). */
const at = (day: string) => new Date(`2026-${day}T03:00:00Z`);
const step = (day: string, name: string, deadline?: string): TimelineEntry => ({
  at: at(day),
  step: name,
  actor: 'land-registry',
  noteVi: '',
  ...(deadline ? { deadlineAt: at(deadline) } : {}),
});

function d(code: string, received: string, due: string, rest: Partial<Dossier> = {}): Dossier {
  return dossier({
    _id: code,
    receivedAt: at(received),
    appointmentAt: at(due),
    dueAt: at(due),
    ...rest,
  });
}
const registered = (day: string): Partial<Dossier> => ({
  status: 'RESULT_READY',
  registeredAt: at(day),
  finishedAt: at(day),
});

// November 2026, seen on 15 December: the end of the period is the end of 30 November.
const period = { start: new Date('2026-10-31T17:00:00Z'), end: new Date('2026-11-30T17:00:00Z') };
const now = new Date('2026-12-15T03:00:00Z');

const DOSSIERS: Dossier[] = [
  // Received online, parcel checked in one working day, registered before its appointment.
  d('A', '11-02', '11-09', {
    channel: 'ONLINE',
    ...registered('11-05'),
    timeline: [step('11-02', 'PARCEL_CHECK_REQUESTED', '11-04'), step('11-03', 'PARCEL_CLEAR')],
  }),
  // A mortgage registered on its appointment day.
  d('B', '11-03', '11-10', { procedure: 'MORTGAGE', ...registered('11-10') }),
  // Tax answered a day after its deadline (an outage in between is not its answer); registered late.
  d('C', '11-04', '11-11', {
    ...registered('11-13'),
    timeline: [
      step('11-05', 'TRANSFER_SLIP_SENT', '11-10'),
      step('11-06', 'WAITING_FOR_AGENCY'),
      step('11-09', 'AGENCY_AVAILABLE'),
      step('11-12', 'OBLIGATIONS_ASSESSED'),
    ],
  }),
  // Delayed with an apology to 20 November and registered on the 18th: early against it.
  d('D', '11-05', '11-12', {
    ...registered('11-18'),
    delay: { previousAppointmentAt: at('11-12'), newAppointmentAt: at('11-20') },
  }),
  // Online, still in review after its deadline; the registry never answered its check.
  d('E', '11-20', '11-27', {
    channel: 'ONLINE',
    status: 'IN_REVIEW',
    timeline: [step('11-20', 'PARCEL_CHECK_REQUESTED', '11-24')],
  }),
  d('F', '11-25', '12-02', { status: 'CHECKING_PARCEL' }),
  d('G', '11-10', '11-17', { status: 'REFUSED', finishedAt: at('11-12') }),
  d('H', '11-11', '11-18', { channel: 'ONLINE', status: 'WITHDRAWN', finishedAt: at('11-14') }),
  // Received in October, registered (late) in November: resolved in the period, not received.
  d('I', '10-20', '10-27', registered('11-03')),
  // Finished in October, received in December: not in November's figures at all.
  d('J', '10-01', '10-08', registered('10-10')),
  d('K', '12-05', '12-12', { status: 'CHECKING_PARCEL' }),
];

describe('the statistics of a unit over a period', () => {
  const figures = computeStatistics(DOSSIERS, period, now);

  it('counts received, resolved early / on time / late, in progress, withdrawn and refused', () => {
    expect(figures).toMatchObject({
      received: 8,
      receivedOnline: 3,
      onlineShare: 0.375,
      resolved: { total: 5, early: 2, onTime: 1, late: 2 },
      inProgress: { total: 2, inTime: 1, overdue: 1 },
      withdrawn: 1,
      refused: 1,
    });
  });

  it('splits them by procedure, in Vietnamese', () => {
    expect(figures.byProcedure.map((p) => [p.procedure, p.received, p.resolved.total])).toEqual([
      ['MORTGAGE', 1, 1],
      ['TRANSFER', 7, 4],
    ]);
    expect(figures.byProcedure[0].resolved).toEqual({ total: 1, early: 0, onTime: 1, late: 0 });
    expect(figures.byProcedure[0].procedureVi).toMatch(/thế chấp/);
  });

  it('tells per agency how often it held a dossier, how often late and for how long', () => {
    expect(figures.byAgency).toEqual([
      {
        agency: 'secured-transactions',
        agencyVi: 'Sở Tư pháp (thông tin giao dịch bảo đảm, ngăn chặn)',
        handoffs: 2,
        answeredLate: 0,
        stillHeld: 1,
        heldPastDeadline: 1,
        averageWorkingDaysHeld: 1,
      },
      {
        agency: 'tax-obligation',
        agencyVi: 'Cơ quan thuế',
        handoffs: 1,
        answeredLate: 1,
        stillHeld: 0,
        heldPastDeadline: 0,
        // 6, 9, 10, 11 and 12 November
        averageWorkingDaysHeld: 5,
      },
    ]);
  });

  it('judges a dossier still running by the day the figures are asked for, within the period', () => {
    const asked = new Date('2026-11-21T03:00:00Z');
    const midMonth = computeStatistics(
      DOSSIERS.filter((x) => x.receivedAt < asked),
      period,
      asked,
    );
    // E is received but not yet due on the 21st; A, B, C, D and I are resolved by then.
    expect(midMonth.inProgress).toEqual({ total: 1, inTime: 1, overdue: 0 });
    expect(midMonth.received).toBe(7);
  });

  it('exports the same table as CSV with a BOM and a Vietnamese header for Excel', () => {
    const csv = statisticsCsv(figures);
    expect(csv.startsWith('\uFEFFThủ tục,Tiếp nhận,Tiếp nhận trực tuyến,Đã giải quyết,')).toBe(
      true,
    );
    const lines = csv.split('\r\n');
    expect(lines).toContain('Tổng cộng,8,3,5,2,1,2,2,1,1,1,1');
    expect(lines).toContain('Cơ quan thuế,1,1,0,0,5');
    expect(lines).toContain('"Sở Tư pháp (thông tin giao dịch bảo đảm, ngăn chặn)",2,0,1,1,1');
  });
});
