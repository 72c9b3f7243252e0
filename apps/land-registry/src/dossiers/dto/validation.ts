import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { validateCertificateSerial, validateCitizenId } from '@lien-thong/dossier-code';
import { vietnamDateOf } from '@lien-thong/calendar';
import { describeValidator } from '@lien-thong/platform';

/**
 * Field validators with the checks of the dossier-code library and Vietnamese messages.
 * The message names the problem the way the counter officer would say it.
 */

function register(
  name: string,
  check: (value: unknown) => string | null,
  options?: ValidationOptions,
) {
  return (target: object, propertyName: string) => {
    let lastMessage = 'Giá trị không hợp lệ';
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options: { message: () => lastMessage, ...options },
      validator: {
        validate(value: unknown, _args: ValidationArguments) {
          const problem = check(value);
          if (problem) lastMessage = problem;
          return problem === null;
        },
      },
    });
  };
}

// What the OpenAPI documents can say of these rules (the province code, the birth year and
// "not after today" stay in the checks).
describeValidator('isCitizenId', { type: 'string', pattern: '^\\d{12}$' });
describeValidator('isCertificateSerial', { type: 'string', minLength: 1 });
describeValidator('isPastLocalDate', { type: 'string', format: 'date' });

/** 12-digit citizen ID with a valid birth-registration province code and a past birth year. */
export function IsCitizenId(options?: ValidationOptions) {
  return register(
    'isCitizenId',
    (value) => {
      if (typeof value !== 'string') return 'Số định danh cá nhân phải là chuỗi 12 chữ số';
      const result = validateCitizenId(value, { asOf: vietnamDateOf(new Date()) });
      return result.ok ? null : result.error.messageVi;
    },
    options,
  );
}

export function IsCertificateSerial(options?: ValidationOptions) {
  return register(
    'isCertificateSerial',
    (value) => {
      if (typeof value !== 'string') return 'Số seri giấy chứng nhận phải là chuỗi ký tự';
      const result = validateCertificateSerial(value);
      return result.ok ? null : result.error.messageVi;
    },
    options,
  );
}

/** A calendar date (YYYY-MM-DD) that is not after today in Việt Nam. */
export function IsPastLocalDate(options?: ValidationOptions) {
  return register(
    'isPastLocalDate',
    (value) => {
      // Date.parse('2026-02-30') is 2 March, not an error: the date must read back the same.
      if (
        typeof value !== 'string' ||
        !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
        Number.isNaN(Date.parse(value)) ||
        new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
      ) {
        return 'Ngày phải có dạng YYYY-MM-DD và có thật trên lịch';
      }
      return value > vietnamDateOf(new Date())
        ? 'Ngày ký hợp đồng không được sau ngày hôm nay'
        : null;
    },
    options,
  );
}

/**
 * Control and format characters (NUL, bidi overrides, zero-width joiners…) and lone
 * surrogates: never part of a name or an address, and some of them reach the database
 * or mislead a reader (found by fuzzing: a NUL answered 500, a bidi override reversed a name).
 */
const FORBIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u;

/** Letters (with their combining marks) in words joined by a space, dot, apostrophe or hyphen. */
const PERSON_NAME = /^\p{L}\p{M}*(?:\p{L}\p{M}*)*(?:[ .'-]+\p{L}\p{M}*(?:\p{L}\p{M}*)*)*\.?$/u;

describeValidator('isPersonName', { type: 'string', minLength: 2, maxLength: 100 });
describeValidator('isPlainText', { type: 'string' });

/** Text as people type it, normalised once at the boundary: NFC, single spaces, trimmed. */
export function normaliseText({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.normalize('NFC').replace(/\s+/g, ' ').trim() : value;
}

/** A person's full name: letters with their diacritics, no digits, symbols or hidden characters. */
export function IsPersonName(options?: ValidationOptions) {
  return register(
    'isPersonName',
    (value) => {
      if (typeof value !== 'string') return 'Họ tên phải là chuỗi ký tự';
      if (FORBIDDEN_CHARACTERS.test(value)) return 'Họ tên chứa ký tự điều khiển hoặc ký tự ẩn';
      if (!PERSON_NAME.test(value))
        return 'Họ tên chỉ gồm chữ cái (có dấu), cách nhau bởi khoảng trắng, dấu chấm hoặc gạch nối';
      return null;
    },
    options,
  );
}

/** Free text (an address, a reason): no hidden characters, and at least one letter or digit. */
export function IsPlainText(options?: ValidationOptions) {
  return register(
    'isPlainText',
    (value) => {
      if (typeof value !== 'string') return 'Phải là chuỗi ký tự';
      if (FORBIDDEN_CHARACTERS.test(value)) return 'Chứa ký tự điều khiển hoặc ký tự ẩn';
      if (!/[\p{L}\p{N}]/u.test(value))
        return 'Cần có chữ hoặc số, không chỉ dấu hoặc khoảng trắng';
      return null;
    },
    options,
  );
}
