/**
 * The procedures' forms, shared by the counter (pages/officer/intake) and the portal's
 * online submission: the field lists, the intake body, the API's field errors on the
 * inputs as they are typed, and downloading a form with the token.
 */
export type {
  Channel,
  FieldKind,
  FieldSpec,
  FormSection,
  FormValues,
  ParcelRecord,
  ProcedureFormSpec,
  ProcedureKey,
} from './form-spec';
export { PROCEDURE_FORMS, procedureFormOf } from './procedures';
export { ProcedureFormFields } from './ProcedureFormFields';
export { LiveValidationSummary } from './LiveValidationSummary';
export { useLiveValidation, type LiveValidation } from './use-live-validation';
export { intakeBody, cleanValue } from './body';
export { fieldErrorsOf, fieldPathsOf, matchFieldErrors, namePathOf } from './field-errors';
export { useDownload } from './download';
export { PURPOSE_NAMES_VI, purposeNameVi, purposeOptions } from './land-use-purposes';
