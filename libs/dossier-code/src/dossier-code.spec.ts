import fc from 'fast-check';
import {
  dossierCodeFormats,
  formatDossierCode,
  isDossierCode,
  parseDossierCode,
} from './dossier-code';
import { compileTemplate } from './template';

describe('classic dossier code <unit>-YYMMDD-0001', () => {
  it('writes the unit, the receipt date and a four-digit sequence', () => {
    expect(
      formatDossierCode('CLASSIC', { unitCode: '000.00.20.H12', date: '2026-03-06', sequence: 1 }),
    ).toBe('000.00.20.H12-260306-0001');
  });

  it('grows past four digits rather than failing', () => {
    expect(
      formatDossierCode('CLASSIC', { unitCode: 'VPDK01', date: '2026-03-06', sequence: 12_345 }),
    ).toBe('VPDK01-260306-12345');
  });

  it('reads a code back', () => {
    expect(parseDossierCode('CLASSIC', '000.00.20.H12-260306-0042')).toEqual({
      unitCode: '000.00.20.H12',
      date: '2026-03-06',
      sequence: 42,
    });
  });

  it('refuses codes with an impossible date, a short sequence or stray text', () => {
    for (const code of [
      'VPDK01-260230-0001',
      'VPDK01-260306-001',
      'VPDK01-260306-0001 ',
      'vpdk01-260306-0001',
    ]) {
      expect(isDossierCode('CLASSIC', code)).toBe(false);
    }
    expect(() => parseDossierCode('CLASSIC', 'nonsense')).toThrow('DOSSIER_CODE.UNPARSEABLE');
  });

  it('refuses a unit code that cannot be read back (it may not contain a hyphen)', () => {
    expect(() =>
      formatDossierCode('CLASSIC', { unitCode: 'VP-DK', date: '2026-03-06', sequence: 1 }),
    ).toThrow('DOSSIER_CODE.INVALID_PART');
    expect(() =>
      formatDossierCode('CLASSIC', { unitCode: 'VPDK', date: '2026-03-06', sequence: 0 }),
    ).toThrow('DOSSIER_CODE.INVALID_PART');
    expect(() =>
      formatDossierCode('CLASSIC', { unitCode: 'VPDK', date: '06/03/2026', sequence: 1 }),
    ).toThrow('DOSSIER_CODE.INVALID_PART');
  });
});

describe('centralized 2026 dossier code MX1X2.Y1Y2Y3.Z1Z2-YYMMDD-AAXXXX', () => {
  const parts = {
    unitCode: 'H01.123.45',
    date: '2026-07-01',
    sequence: 7,
    fields: { series: 'TT' },
  };

  it('writes the electronic identifier, the date, the series and a four-digit sequence', () => {
    expect(formatDossierCode('CENTRALIZED_2026', parts)).toBe('H01.123.45-260701-TT0007');
    expect(parseDossierCode('CENTRALIZED_2026', 'H01.123.45-260701-TT0007')).toEqual(parts);
  });

  it('checks each part against its mask', () => {
    expect(() =>
      formatDossierCode('CENTRALIZED_2026', { ...parts, unitCode: 'H1.123.45' }),
    ).toThrow('DOSSIER_CODE.INVALID_PART');
    expect(() => formatDossierCode('CENTRALIZED_2026', { ...parts, fields: {} })).toThrow(
      'DOSSIER_CODE.INVALID_PART',
    );
    expect(() =>
      formatDossierCode('CENTRALIZED_2026', { ...parts, fields: { series: 'T' } }),
    ).toThrow('DOSSIER_CODE.INVALID_PART');
  });

  it('refuses the 10,000th dossier of a day rather than write a longer code', () => {
    expect(() => formatDossierCode('CENTRALIZED_2026', { ...parts, sequence: 10_000 })).toThrow(
      'DOSSIER_CODE.SEQUENCE_OVERFLOW',
    );
  });
});

describe('formats as configuration', () => {
  it('compiles every bundled format', () => {
    expect(dossierCodeFormats().map((f) => compileTemplate(f.template).tokens.length)).toEqual([
      5, 6,
    ]);
  });

  it('accepts a custom template', () => {
    const custom = {
      id: 'X',
      template: 'HS.{unit:AA99}.{date:YYMMDD}.{seq:999999}',
      descriptionVi: '',
      interpretation: '',
      legalBasis: [],
      confirmed: false,
    };
    expect(formatDossierCode(custom, { unitCode: 'HN01', date: '2027-01-04', sequence: 5 })).toBe(
      'HS.HN01.270104.000005',
    );
  });

  it.each([
    '{unit:*}-{seq:9999}',
    '{unit:*}-{date:DDMMYY}-{seq:9999}',
    '{unit:*}-{date:YYMMDD}-{seq:99a}',
    '{unit:*}{unit:*}-{date:YYMMDD}-{seq:9}',
    '{unit:*-{date:YYMMDD}-{seq:9}',
  ])('rejects the broken template %s', (template) => {
    expect(() => compileTemplate(template)).toThrow('DOSSIER_CODE.INVALID_TEMPLATE');
  });

  it('reads back whatever it writes', () => {
    const unit = fc.stringMatching(/^[A-Z0-9.]{1,16}$/);
    const date = fc
      .integer({ min: 0, max: 36_000 })
      .map((d) => new Date(Date.UTC(2000, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(unit, date, fc.integer({ min: 1, max: 10_000_000 }), (unitCode, d, sequence) => {
        const code = formatDossierCode('CLASSIC', { unitCode, date: d, sequence });
        expect(parseDossierCode('CLASSIC', code)).toEqual({ unitCode, date: d, sequence });
      }),
      { numRuns: 200 },
    );
  });
});
