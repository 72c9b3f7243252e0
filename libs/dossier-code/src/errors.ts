/** Namespaced error codes of the dossier-code library. */
export const DossierCodeErrorCode = {
  INVALID_TEMPLATE: 'DOSSIER_CODE.INVALID_TEMPLATE',
  UNKNOWN_FORMAT: 'DOSSIER_CODE.UNKNOWN_FORMAT',
  INVALID_PART: 'DOSSIER_CODE.INVALID_PART',
  SEQUENCE_OVERFLOW: 'DOSSIER_CODE.SEQUENCE_OVERFLOW',
  UNPARSEABLE: 'DOSSIER_CODE.UNPARSEABLE',
} as const;

export type DossierCodeErrorCode = (typeof DossierCodeErrorCode)[keyof typeof DossierCodeErrorCode];

export class DossierCodeException extends Error {
  constructor(
    readonly code: DossierCodeErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'DossierCodeException';
  }
}
