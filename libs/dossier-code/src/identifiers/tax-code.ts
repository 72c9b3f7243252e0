import { validateCitizenId } from './citizen-id';
import { IdentifierResult, rejected } from './result';

export type TaxCodeKind = 'INDIVIDUAL' | 'ORGANISATION' | 'BRANCH';

export interface TaxCode {
  value: string;
  kind: TaxCodeKind;
}

/**
 * Checks the shape of a tax code: 10 digits for an organisation, `10 digits-3 digits` for a
 * branch, or an individual's 12-digit personal identification number (their tax code from
 * 1 July 2025). The check digit of 10-digit codes is not verified here.
 */
export function validateTaxCode(input: string): IdentifierResult<TaxCode> {
  const value = input.trim();
  if (/^\d{10}$/.test(value)) return { ok: true, value: { value, kind: 'ORGANISATION' } };
  if (/^\d{10}-\d{3}$/.test(value)) return { ok: true, value: { value, kind: 'BRANCH' } };
  const citizen = validateCitizenId(value);
  if (citizen.ok) return { ok: true, value: { value, kind: 'INDIVIDUAL' } };
  return rejected(
    'IDENTIFIER.TAX_CODE_FORMAT',
    'Mã số thuế gồm 10 chữ số, 10 chữ số kèm "-" và 3 chữ số, hoặc số định danh cá nhân 12 chữ số.',
  );
}
