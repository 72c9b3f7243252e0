import { ValidationOptions } from 'class-validator';
import { fieldCheck } from './register';

/**
 * Control and format characters (NUL, bidi overrides, zero-width joiners…), lone
 * surrogates, private-use and unassigned code points: never part of a name or an address,
 * and some of them reach the database or mislead a reader (found by fuzzing: a NUL
 * answered 500, a bidi override reversed a name).
 */
const FORBIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u;

/** Letters (with their combining marks) in words joined by a space, dot, apostrophe or hyphen. */
const PERSON_NAME = /^\p{L}\p{M}*(?:\p{L}\p{M}*)*(?:[ .'-]+\p{L}\p{M}*(?:\p{L}\p{M}*)*)*\.?$/u;

/** Text as people type it, normalised once at the boundary: NFC, single spaces, trimmed. */
export function normaliseText({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.normalize('NFC').replace(/\s+/g, ' ').trim() : value;
}

/** The problem with a person's full name, in Vietnamese, or null. */
export function personNameProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'Họ tên phải là chuỗi ký tự';
  if (FORBIDDEN_CHARACTERS.test(value)) return 'Họ tên chứa ký tự điều khiển hoặc ký tự ẩn';
  // The stored form is NFC: a decomposed name is a different string for every lookup.
  if (value !== value.normalize('NFC')) return 'Họ tên chưa được chuẩn hóa Unicode (NFC)';
  if (!PERSON_NAME.test(value))
    return 'Họ tên chỉ gồm chữ cái (có dấu), cách nhau bởi khoảng trắng, dấu chấm hoặc gạch nối';
  return null;
}

/** The problem with free text (an address, a reason), in Vietnamese, or null. */
export function plainTextProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'Phải là chuỗi ký tự';
  if (FORBIDDEN_CHARACTERS.test(value)) return 'Chứa ký tự điều khiển hoặc ký tự ẩn';
  if (!/[\p{L}\p{N}]/u.test(value)) return 'Cần có chữ hoặc số, không chỉ dấu hoặc khoảng trắng';
  return null;
}

/** A person's full name: letters with their diacritics, no digits, symbols or hidden characters. */
export function IsPersonName(options?: ValidationOptions) {
  return fieldCheck('isPersonName', personNameProblem, options);
}

/** Free text (an address, a reason): no hidden characters, and at least one letter or digit. */
export function IsPlainText(options?: ValidationOptions) {
  return fieldCheck('isPlainText', plainTextProblem, options);
}
