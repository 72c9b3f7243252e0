import { BUNDLED_PROCEDURE_FILES } from './bundled-data';
import { catalogueOn, createCatalogue, procedureOn, processingOf } from './catalogue';
import { PROCEDURE_KEYS } from './model';

/** Fixed "today" of the tests: the data must cover it for every procedure. */
const TODAY = '2026-12-06';

describe('the procedure catalogue', () => {
  it('has an entry in force today for every procedure of the one-stop', () => {
    expect(catalogueOn(TODAY).map((e) => e.key)).toEqual([...PROCEDURE_KEYS]);
    for (const key of PROCEDURE_KEYS) expect(procedureOn(key, TODAY).key).toBe(key);
  });

  it('files a transfer and an inheritance under the same national code 1.013831', () => {
    expect(procedureOn('TRANSFER', TODAY)).toMatchObject({ code: '1.013831', codeConfirmed: true });
    expect(procedureOn('INHERITANCE', TODAY)).toMatchObject({
      code: '1.013831',
      codeConfirmed: true,
    });
  });

  it('lets the officer look up citizen IDs and the land record instead of asking for copies', () => {
    const docs = procedureOn('TRANSFER', TODAY).documents;
    expect(docs.find((d) => d.code === 'CITIZEN_IDS')?.replacedBy).toBe('POPULATION_DATABASE');
    expect(docs.find((d) => d.code === 'CADASTRAL_RECORD')?.replacedBy).toBe('LAND_DATABASE');
    expect(docs.find((d) => d.code === 'TRANSFER_CONTRACT')?.replacedBy).toBeUndefined();
  });

  it('chooses the entry in force on the day of receipt: tax gets 3 days from 1 July 2026', () => {
    const tax = (on: string) =>
      processingOf('TRANSFER', on).agencies.find((a) => a.agency === 'tax-obligation');
    expect(tax('2026-06-30')?.workingDays).toBe(5);
    expect(tax('2026-07-01')).toMatchObject({
      workingDays: 3,
      legalBasis: [expect.objectContaining({ document: 'Nghị định 252/2026/NĐ-CP' })],
    });
    expect(processingOf('TRANSFER', '2026-06-30').entryEffectiveFrom).toBe('2025-07-01');
    expect(processingOf('TRANSFER', '2026-07-01').entryEffectiveFrom).toBe('2026-07-01');
  });

  it('gives the land office 5 working days for a transfer, 15 in a remote commune', () => {
    expect(processingOf('TRANSFER', TODAY)).toMatchObject({ workingDays: 5, extraWorkingDays: 0 });
    expect(processingOf('TRANSFER', TODAY, { remote: true })).toMatchObject({
      workingDays: 15,
      baseWorkingDays: 5,
      extraWorkingDays: 10,
    });
  });

  it('registers a mortgage and its release the same working day when received before 15:00', () => {
    for (const key of ['MORTGAGE', 'MORTGAGE_RELEASE']) {
      const processing = processingOf(key, TODAY, { remote: true });
      // Only the Justice check of the parcel, which every change asks for.
      expect(processing).toMatchObject({ workingDays: 0 });
      expect(processing.agencies.map((a) => a.agency)).toEqual(['secured-transactions']);
      expect(processing.sameWorkingDay?.receivedBefore).toBe('15:00');
    }
  });

  it('sends a house to the construction department and the tax authority', () => {
    const agencies = processingOf('HOUSE_REGISTRATION', TODAY).agencies;
    expect(agencies.map((a) => [a.agency, a.workingDays])).toEqual([
      ['secured-transactions', 1],
      ['construction', 5],
      ['tax-obligation', 3],
    ]);
    expect(processingOf('PURPOSE_CHANGE', TODAY).agencies).toEqual([
      expect.objectContaining({ step: 'JUSTICE.PARCEL_CHECK' }),
      expect.objectContaining({ step: 'TAX.LAND_USE_LEVY_HOUSEHOLD', workingDays: 5 }),
    ]);
  });

  it('answers with a stable code for an unknown key, a date before any entry, or a bad date', () => {
    expect(() => procedureOn('DIVORCE', TODAY)).toThrow('PROCEDURES.UNKNOWN_PROCEDURE');
    expect(() => procedureOn('TRANSFER', '2025-06-30')).toThrow('PROCEDURES.NOT_IN_FORCE');
    expect(() => procedureOn('HOUSE_REGISTRATION', '2026-06-30')).toThrow(
      'PROCEDURES.NOT_IN_FORCE',
    );
    expect(() => procedureOn('TRANSFER', '6/12/2026')).toThrow('PROCEDURES.INVALID_ARGUMENT');
  });

  it('takes a change of law as a new entry: the old one still answers for earlier dates', () => {
    const [first] = BUNDLED_PROCEDURE_FILES as Record<string, unknown>[];
    const next = { ...first, effectiveFrom: '2027-03-01', nameVi: 'Tên theo luật mới' };
    const ended = { ...first, effectiveFrom: '2020-01-01', effectiveTo: '2020-12-31' };
    const catalogue = createCatalogue({ procedures: [first, next, ended], fees: [] });
    expect(procedureOn('TRANSFER', '2027-02-28', catalogue).nameVi).not.toBe('Tên theo luật mới');
    expect(procedureOn('TRANSFER', '2027-03-01', catalogue).nameVi).toBe('Tên theo luật mới');
    expect(procedureOn('TRANSFER', '2020-06-01', catalogue).effectiveFrom).toBe('2020-01-01');
    expect(() => procedureOn('TRANSFER', '2021-06-01', catalogue)).toThrow(
      'PROCEDURES.NOT_IN_FORCE',
    );
  });
});
