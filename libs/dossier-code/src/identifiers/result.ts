/** Codes a validator can return; land-registry maps them to field errors. */
export type IdentifierErrorCode =
  | 'IDENTIFIER.CITIZEN_ID_FORMAT'
  | 'IDENTIFIER.CITIZEN_ID_PROVINCE'
  | 'IDENTIFIER.CITIZEN_ID_BIRTH_YEAR'
  | 'IDENTIFIER.CERTIFICATE_SERIAL_FORMAT'
  | 'IDENTIFIER.TAX_CODE_FORMAT';

/** Validators return a result rather than throw: a wrong ID is an everyday input error. */
export type IdentifierResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: IdentifierErrorCode; messageVi: string } };

export function rejected<T>(code: IdentifierErrorCode, messageVi: string): IdentifierResult<T> {
  return { ok: false, error: { code, messageVi } };
}
