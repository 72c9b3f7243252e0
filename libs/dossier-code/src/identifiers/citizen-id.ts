import { LocalDate, yearOf } from '@lien-thong/calendar';
import provinceCodes from './data/cccd-province-codes.json';
import { IdentifierResult, rejected } from './result';

export type Gender = 'MALE' | 'FEMALE';

/** What a valid 12-digit personal identification number tells about its holder. */
export interface CitizenId {
  /** The 12 digits, normalised (surrounding spaces removed). */
  value: string;
  provinceCode: string;
  provinceNameVi: string;
  gender: Gender;
  birthYear: number;
}

const PROVINCES = new Map(provinceCodes.codes.map((p) => [p.code, p.nameVi]));

/**
 * Checks a 12-digit personal identification number (CCCD): 3-digit birth-registration province
 * code + century/gender digit + 2-digit birth year + 6 digits (Circular 59/2021/TT-BCA). From
 * 1 July 2025 it is also the holder's tax code. Pass `asOf` to reject births in the future.
 * Checks the structure only: whether the number exists is for the population database.
 */
export function validateCitizenId(
  input: string,
  opts: { asOf?: LocalDate } = {},
): IdentifierResult<CitizenId> {
  const value = input.trim();
  if (!/^\d{12}$/.test(value)) {
    return rejected(
      'IDENTIFIER.CITIZEN_ID_FORMAT',
      'Số định danh cá nhân phải gồm đúng 12 chữ số.',
    );
  }
  const provinceCode = value.slice(0, 3);
  const provinceNameVi = PROVINCES.get(provinceCode);
  if (provinceNameVi === undefined) {
    return rejected(
      'IDENTIFIER.CITIZEN_ID_PROVINCE',
      `Mã tỉnh ${provinceCode} trong số định danh cá nhân không tồn tại.`,
    );
  }
  // Century/gender digit: 0/1 = 20th century male/female, 2/3 = 21st, 4/5 = 22nd, and so on.
  const centuryDigit = Number(value[3]);
  const birthYear = 1900 + Math.floor(centuryDigit / 2) * 100 + Number(value.slice(4, 6));
  if (opts.asOf !== undefined && birthYear > yearOf(opts.asOf)) {
    return rejected(
      'IDENTIFIER.CITIZEN_ID_BIRTH_YEAR',
      `Năm sinh ${birthYear} trong số định danh cá nhân chưa đến.`,
    );
  }
  return {
    ok: true,
    value: {
      value,
      provinceCode,
      provinceNameVi,
      gender: centuryDigit % 2 === 0 ? 'MALE' : 'FEMALE',
      birthYear,
    },
  };
}
