import { validateCertificateSerial } from './certificate-serial';
import { validateCitizenId } from './citizen-id';
import { validateTaxCode } from './tax-code';

describe('validateCitizenId (12-digit personal identification number)', () => {
  it('reads province, gender and birth year', () => {
    expect(validateCitizenId('001085012345')).toEqual({
      ok: true,
      value: {
        value: '001085012345',
        provinceCode: '001',
        provinceNameVi: 'Hà Nội',
        gender: 'MALE',
        birthYear: 1985,
      },
    });
    expect(validateCitizenId(' 089305000123 ')).toMatchObject({
      ok: true,
      value: { provinceNameVi: 'An Giang', gender: 'FEMALE', birthYear: 2005 },
    });
  });

  it.each([
    ['00108501234', 'IDENTIFIER.CITIZEN_ID_FORMAT'],
    ['00108501234X', 'IDENTIFIER.CITIZEN_ID_FORMAT'],
    ['003085012345', 'IDENTIFIER.CITIZEN_ID_PROVINCE'],
    ['097085012345', 'IDENTIFIER.CITIZEN_ID_PROVINCE'],
  ])('rejects %s with %s', (id, code) => {
    expect(validateCitizenId(id)).toMatchObject({ ok: false, error: { code } });
  });

  it('rejects a birth year after the given date', () => {
    expect(validateCitizenId('001230012345', { asOf: '2026-03-06' })).toMatchObject({
      ok: false,
      error: { code: 'IDENTIFIER.CITIZEN_ID_BIRTH_YEAR' },
    });
    expect(validateCitizenId('001226012345', { asOf: '2026-03-06' }).ok).toBe(true);
  });

  it('explains the problem in Vietnamese', () => {
    const result = validateCitizenId('123');
    expect(!result.ok && result.error.messageVi).toBe(
      'Số định danh cá nhân phải gồm đúng 12 chữ số.',
    );
  });
});

describe('validateCertificateSerial', () => {
  it('accepts the older 6-digit and the Circular 10/2024 8-digit serials', () => {
    expect(validateCertificateSerial('AA 123456')).toEqual({
      ok: true,
      value: { value: 'AA123456', format: 'SIX_DIGITS' },
    });
    expect(validateCertificateSerial('ab01234567')).toEqual({
      ok: true,
      value: { value: 'AB01234567', format: 'EIGHT_DIGITS_CIRCULAR_10_2024' },
    });
  });

  it.each(['A1234567', 'AAA123456', 'AA1234567', 'AA12345', '12345678'])('rejects %s', (serial) => {
    expect(validateCertificateSerial(serial)).toMatchObject({
      ok: false,
      error: { code: 'IDENTIFIER.CERTIFICATE_SERIAL_FORMAT' },
    });
  });
});

describe('validateTaxCode', () => {
  it('tells organisations, branches and individuals apart', () => {
    expect(validateTaxCode('0101234567')).toMatchObject({
      ok: true,
      value: { kind: 'ORGANISATION' },
    });
    expect(validateTaxCode('0101234567-001')).toMatchObject({
      ok: true,
      value: { kind: 'BRANCH' },
    });
    expect(validateTaxCode('001085012345')).toMatchObject({
      ok: true,
      value: { kind: 'INDIVIDUAL' },
    });
    expect(validateTaxCode('01012345')).toMatchObject({
      ok: false,
      error: { code: 'IDENTIFIER.TAX_CODE_FORMAT' },
    });
  });
});
