import { BUNDLED_FEE_FILES, BUNDLED_PROCEDURE_FILES } from './bundled-data';
import { bundledCatalogue, createCatalogue } from './catalogue';
import { parseFeeSchedule } from './fee-data';
import { parseProcedureEntry } from './procedure-data';

type Json = Record<string, unknown>;
const clone = <T>(value: T): T => structuredClone(value);
const haNoi = () => clone(BUNDLED_FEE_FILES[0]) as Json & { versions: Json[] };
const transfer = () => clone(BUNDLED_PROCEDURE_FILES[0]) as Json;

describe('validation of the bundled data', () => {
  it('loads every bundled file', () => {
    expect(bundledCatalogue().entries.length).toBe(BUNDLED_PROCEDURE_FILES.length);
    expect(bundledCatalogue().fees.map((f) => f.provinceCode)).toEqual(['01', '91']);
  });

  it('refuses a national tax as a provincial fee line', () => {
    const file = haNoi();
    (file.versions[0].lines as Json[])[0].code = 'REGISTRATION_FEE';
    expect(() => parseFeeSchedule(file)).toThrow('PROCEDURES.INVALID_DATA');
    expect(() => parseFeeSchedule(file)).toThrow('national obligation');
  });

  it('refuses a national tax slipped in under another code', () => {
    const file = haNoi();
    (file.versions[0].lines as Json[])[0].labelVi = 'Lệ phí trước bạ nhà, đất';
    expect(() => parseFeeSchedule(file)).toThrow('PROCEDURES.INVALID_DATA');
  });

  it('refuses an online reduction that names a national tax', () => {
    for (const code of ['PIT', 'REGISTRATION_FEE', 'LAND_USE_LEVY']) {
      const file = haNoi();
      (file.versions[0].onlineReduction as Json).appliesTo = ['CERTIFICATE_ISSUANCE', code];
      expect(() => parseFeeSchedule(file)).toThrow(
        `${code} is a national obligation; a province cannot reduce it`,
      );
    }
  });

  it('refuses a reduction of a line the version does not have, or above 100 %', () => {
    const unknown = haNoi();
    (unknown.versions[0].onlineReduction as Json).appliesTo = ['NOTARY_FEE'];
    expect(() => parseFeeSchedule(unknown)).toThrow('PROCEDURES.INVALID_DATA');
    const tooMuch = haNoi();
    (tooMuch.versions[0].onlineReduction as Json).rateBasisPoints = 12_000;
    expect(() => parseFeeSchedule(tooMuch)).toThrow('rateBasisPoints');
  });

  it('refuses amounts that are not integer VND, and unknown procedures or provinces', () => {
    const fraction = haNoi();
    ((fraction.versions[0].lines as Json[])[0].amountsVnd as Json).TRANSFER = 500_000.5;
    expect(() => parseFeeSchedule(fraction)).toThrow('amountsVnd.TRANSFER');
    const key = haNoi();
    ((key.versions[0].lines as Json[])[0].amountsVnd as Json).DIVORCE = 1;
    expect(() => parseFeeSchedule(key)).toThrow('amountsVnd.DIVORCE');
    expect(() => parseFeeSchedule({ ...haNoi(), provinceCode: '00' })).toThrow('provinceCode');
  });

  it('refuses a procedure entry with a bad field, naming it', () => {
    expect(() => parseProcedureEntry({ ...transfer(), onlineLevel: 'SOME' })).toThrow(
      'procedure.onlineLevel',
    );
    expect(() => parseProcedureEntry({ ...transfer(), feeCodes: ['PIT'] })).toThrow(
      'national obligation',
    );
    expect(() => parseProcedureEntry({ ...transfer(), effectiveTo: '2020-01-01' })).toThrow(
      'procedure.effectiveTo',
    );
    expect(() => parseProcedureEntry({ ...transfer(), legalBasis: [] })).toThrow(
      'at least one legal basis',
    );
    const badDoc = transfer();
    (badDoc.documents as Json[])[0].replacedBy = 'FACEBOOK';
    expect(() => parseProcedureEntry(badDoc)).toThrow('documents[0].replacedBy');
  });

  it('refuses two entries of a procedure starting the same day (edit instead of a new entry)', () => {
    expect(() =>
      createCatalogue({ procedures: [transfer(), { ...transfer(), nameVi: 'x' }], fees: [] }),
    ).toThrow('two entries of a procedure start the same day');
  });
});
