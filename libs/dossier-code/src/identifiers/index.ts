export { validateCertificateSerial } from './certificate-serial';
export type { CertificateSerial, CertificateSerialFormat } from './certificate-serial';
export { validateCitizenId } from './citizen-id';
export type { CitizenId, Gender } from './citizen-id';
export type { IdentifierErrorCode, IdentifierResult } from './result';
export { validateTaxCode } from './tax-code';
export type { TaxCode, TaxCodeKind } from './tax-code';
