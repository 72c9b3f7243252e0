import { Matches, ValidationOptions } from 'class-validator';
import { vietnamDateOf } from '@lien-thong/calendar';
import { validateCitizenId } from '@lien-thong/dossier-code';
import { fieldCheck } from './register';

/**
 * 12-digit citizen ID with a valid birth-registration province code and a past birth year.
 * The shape is a pattern too, so that the OpenAPI and AsyncAPI documents show it.
 */
export function IsCitizenId(options?: ValidationOptions) {
  const shape = Matches(/^\d{12}$/, {
    message: 'Số định danh cá nhân gồm đúng 12 chữ số',
    ...options,
  });
  const check = fieldCheck(
    'isCitizenId',
    (value) => {
      if (typeof value !== 'string' || !/^\d{12}$/.test(value)) return null; // the shape says it
      const result = validateCitizenId(value, { asOf: vietnamDateOf(new Date()) });
      return result.ok ? null : result.error.messageVi;
    },
    options,
  );
  return (target: object, propertyName: string) => {
    shape(target, propertyName);
    check(target, propertyName);
  };
}

/** A serial as people type it, in the one form the cadastral book and events use. */
export function normaliseCertificateSerial({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : value;
}

/**
 * Certificate serial: 2 letters + 6 digits (older) or 2 letters + 8 digits (Circular
 * 10/2024), the format of @lien-thong/dossier-code, in its canonical form (no spaces,
 * capitals: see normaliseCertificateSerial).
 */
export function IsCertificateSerial(options?: ValidationOptions) {
  return Matches(/^[A-ZĐ]{2}(\d{6}|\d{8})$/, {
    message:
      'Số phát hành giấy chứng nhận gồm 2 chữ cái in hoa và 6 chữ số (mẫu cũ) hoặc 8 chữ số (Thông tư 10/2024/TT-BTNMT), viết liền',
    ...options,
  });
}
