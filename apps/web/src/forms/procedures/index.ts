import type { ProcedureFormSpec, ProcedureKey } from '../form-spec';
import { INHERITANCE_FORM } from './inheritance';
import { MORTGAGE_RELEASE_FORM } from './mortgage-release';
import { TRANSFER_FORM } from './transfer';

/** The procedures with a form in the browser; a new one is a file here and a line below. */
export const PROCEDURE_FORMS: Partial<Record<ProcedureKey, ProcedureFormSpec>> = {
  TRANSFER: TRANSFER_FORM,
  INHERITANCE: INHERITANCE_FORM,
  MORTGAGE_RELEASE: MORTGAGE_RELEASE_FORM,
};

export function procedureFormOf(key: string): ProcedureFormSpec | undefined {
  return PROCEDURE_FORMS[key as ProcedureKey];
}

export { TRANSFER_FORM, INHERITANCE_FORM, MORTGAGE_RELEASE_FORM };
