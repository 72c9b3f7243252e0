import { communeByCode, communesOf, provinceByCode } from './admin-units';
import { addWorkingDays } from './clock';
import { parseProcessingTimes, processingTimeFrom } from './processing-times';
import { processingTime, vietnamCalendar } from './vietnam-calendar';
import { vietnamInstant } from './vietnam-time';

describe('processing times', () => {
  it('gives the land office 5 working days for a transfer (procedure 1.013831)', () => {
    expect(processingTime('1.013831', '2026-03-02', { remote: false })).toMatchObject({
      workingDays: 5,
      baseWorkingDays: 5,
      extraWorkingDays: 0,
    });
  });

  it('adds 10 working days in a remote commune, read from the commune list', () => {
    const phuQuoc = communeByCode('31570');
    expect(phuQuoc?.remote).toBe(true);
    const time = processingTime('1.013831', '2026-03-02', { remote: phuQuoc?.remote ?? false });
    expect(time.workingDays).toBe(15);
    const due = addWorkingDays(
      vietnamInstant('2026-03-02', '10:00'),
      time.workingDays,
      vietnamCalendar(),
    );
    expect(due.date).toBe('2026-03-23');
  });

  it('gives tax 3 working days for income tax and fee only from 1 July 2026 (Decree 252/2026)', () => {
    expect(
      processingTime('TAX.PIT_AND_REGISTRATION_FEE', '2026-07-01', { remote: false }).workingDays,
    ).toBe(3);
    expect(
      processingTime('TAX.LAND_USE_LEVY_HOUSEHOLD', '2026-07-01', { remote: false }).workingDays,
    ).toBe(5);
    expect(() =>
      processingTime('TAX.PIT_AND_REGISTRATION_FEE', '2026-06-30', { remote: false }),
    ).toThrow('CALENDAR.UNKNOWN_PROCEDURE');
  });

  it('has no rule before Decree 151/2025 took effect', () => {
    expect(() => processingTime('1.013831', '2025-06-30', { remote: false })).toThrow(
      'CALENDAR.NO_RULE_IN_FORCE',
    );
  });

  it('takes a new instrument as a new data version, without code changes', () => {
    const base = { titleVi: 'x' };
    const proc = (workingDays: number) => ({
      code: 'P',
      nameVi: 'p',
      agency: 'LAND_OFFICE',
      workingDays,
      remoteExtraWorkingDays: 0,
      legalBasis: [],
    });
    const { procedureVersions: versions } = parseProcessingTimes({
      officeHours: [],
      procedureVersions: [
        { ...base, effectiveFrom: '2025-07-01', procedures: [proc(5)] },
        { ...base, effectiveFrom: '2027-01-01', procedures: [proc(3)] },
      ],
    });
    expect(processingTimeFrom(versions, 'P', '2026-12-31', { remote: false }).workingDays).toBe(5);
    expect(processingTimeFrom(versions, 'P', '2027-01-01', { remote: false }).workingDays).toBe(3);
  });

  it('rejects a data file with a bad clock time', () => {
    const bad = {
      officeHours: [
        { effectiveFrom: '2025-07-01', receiptCutoff: '3pm', closesAt: '17:00', legalBasis: [] },
      ],
      procedureVersions: [],
    };
    expect(() => parseProcessingTimes(bad)).toThrow('CALENDAR.INVALID_ARGUMENT');
  });
});

describe('administrative units (2025 map, sample)', () => {
  it('lists communes under known provinces only', () => {
    for (const code of ['01', '91']) {
      expect(provinceByCode(code)).toBeDefined();
      expect(communesOf(code).length).toBeGreaterThan(0);
    }
    expect(communeByCode('00004')).toMatchObject({ nameVi: 'Phường Ba Đình', remote: false });
    expect(communeByCode('99999')).toBeUndefined();
  });
});
