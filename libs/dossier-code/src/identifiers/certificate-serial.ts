import { IdentifierResult, rejected } from './result';

/** Serial formats of land-use right certificates. */
export type CertificateSerialFormat = 'SIX_DIGITS' | 'EIGHT_DIGITS_CIRCULAR_10_2024';

export interface CertificateSerial {
  /** Upper case without spaces, e.g. `AA01234567`. */
  value: string;
  format: CertificateSerialFormat;
}

/**
 * Checks a certificate serial (số phát hành): two letters and six digits on older certificates,
 * two letters and eight digits on those issued under Circular 10/2024/TT-BTNMT. Spaces and
 * case are forgiven (`ab 123456` → `AB123456`); `Đ` counts as a letter.
 */
export function validateCertificateSerial(input: string): IdentifierResult<CertificateSerial> {
  const value = input.replace(/\s+/g, '').toUpperCase();
  const match = /^[A-ZĐ]{2}(\d+)$/.exec(value);
  const digits = match?.[1].length;
  if (digits === 6) return { ok: true, value: { value, format: 'SIX_DIGITS' } };
  if (digits === 8) return { ok: true, value: { value, format: 'EIGHT_DIGITS_CIRCULAR_10_2024' } };
  return rejected(
    'IDENTIFIER.CERTIFICATE_SERIAL_FORMAT',
    'Số phát hành giấy chứng nhận gồm 2 chữ cái và 6 chữ số (mẫu cũ) hoặc 8 chữ số (Thông tư 10/2024/TT-BTNMT).',
  );
}
