export { fieldCheck } from './register';
export {
  IsPersonName,
  IsPlainText,
  normaliseText,
  personNameProblem,
  plainTextProblem,
} from './text';
export { IsCertificateSerial, IsCitizenId, normaliseCertificateSerial } from './identifiers';
export { FIRST_TRANSFER_DATE, isCalendarDate, IsContractDate, IsPastLocalDate } from './dates';
