import type { ProcedureFormSpec, ProcedureKey } from '../form-spec';
import { HOUSE_REGISTRATION_FORM } from './house-registration';
import { INHERITANCE_FORM } from './inheritance';
import { MORTGAGE_FORM } from './mortgage';
import { MORTGAGE_RELEASE_FORM } from './mortgage-release';
import { PURPOSE_CHANGE_FORM } from './purpose-change';
import { TRANSFER_FORM } from './transfer';

/**
 * Every procedure's form in the browser (the type makes a new ProcedureKey need one); a new
 * procedure is a file here and a line below.
 */
export const PROCEDURE_FORMS: Record<ProcedureKey, ProcedureFormSpec> = {
  TRANSFER: TRANSFER_FORM,
  INHERITANCE: INHERITANCE_FORM,
  MORTGAGE: MORTGAGE_FORM,
  MORTGAGE_RELEASE: MORTGAGE_RELEASE_FORM,
  PURPOSE_CHANGE: PURPOSE_CHANGE_FORM,
  HOUSE_REGISTRATION: HOUSE_REGISTRATION_FORM,
};

/** The form of a procedure key from a URL or the catalogue; none for a key the web lacks. */
export function procedureFormOf(key: string): ProcedureFormSpec | undefined {
  return Object.hasOwn(PROCEDURE_FORMS, key) ? PROCEDURE_FORMS[key as ProcedureKey] : undefined;
}

export {
  TRANSFER_FORM,
  INHERITANCE_FORM,
  MORTGAGE_FORM,
  MORTGAGE_RELEASE_FORM,
  PURPOSE_CHANGE_FORM,
  HOUSE_REGISTRATION_FORM,
};
