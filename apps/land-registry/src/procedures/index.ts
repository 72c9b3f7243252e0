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
