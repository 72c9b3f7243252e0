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
