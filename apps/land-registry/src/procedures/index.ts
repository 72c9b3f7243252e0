import type { ProcedureKey } from '@lien-thong/contracts';
import type { Dossier } from '../dossiers/dossier';
import { procedureOf } from '../dossiers/dossier';
import { HOUSE_REGISTRATION_STEPS } from './house-registration/house-registration.steps';
import { INHERITANCE_STEPS } from './inheritance/inheritance.steps';
import { MORTGAGE_RELEASE_STEPS } from './mortgage-release/mortgage-release.steps';
import { MORTGAGE_STEPS } from './mortgage/mortgage.steps';
import type { ProcedureSteps } from './procedure-steps';
import { PURPOSE_CHANGE_STEPS } from './purpose-change/purpose-change.steps';
import { TRANSFER_STEPS } from './transfer/transfer.steps';

/** Every procedure the one-stop runs; a new procedure is a new folder and a line here. */
export const PROCEDURE_STEPS: Record<ProcedureKey, ProcedureSteps> = {
  TRANSFER: TRANSFER_STEPS,
  INHERITANCE: INHERITANCE_STEPS,
  MORTGAGE: MORTGAGE_STEPS,
  MORTGAGE_RELEASE: MORTGAGE_RELEASE_STEPS,
  PURPOSE_CHANGE: PURPOSE_CHANGE_STEPS,
  HOUSE_REGISTRATION: HOUSE_REGISTRATION_STEPS,
};

export function stepsOf(d: Pick<Dossier, 'procedure'>): ProcedureSteps {
  return PROCEDURE_STEPS[procedureOf(d)];
}

export type { ProcedureSteps, Refusal } from './procedure-steps';
export type { ProcedureForm, PreparedDossier } from './procedure-form';
export { TRANSFER_FORM } from './transfer/transfer.form';
export { INHERITANCE_FORM } from './inheritance/inheritance.form';
export { MORTGAGE_FORM } from './mortgage/mortgage.form';
export { MORTGAGE_RELEASE_FORM } from './mortgage-release/mortgage-release.form';
export { PURPOSE_CHANGE_FORM } from './purpose-change/purpose-change.form';
export { HOUSE_REGISTRATION_FORM } from './house-registration/house-registration.form';
