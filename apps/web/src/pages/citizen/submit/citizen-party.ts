import type { FormValues, ProcedureFormSpec, ProcedureKey } from '../../../forms';
import { PROCEDURE_FORMS } from '../../../forms';
import type { Actor } from '../../../auth/roles';

/** The procedures a citizen can submit online: every one with a form in the browser. */
export const ONLINE_FORMS: ProcedureFormSpec[] = Object.values(PROCEDURE_FORMS);

/**
 * The list of the form an online submitter stands in (the land registry refuses one who is no
 * party): the buyer of a transfer, an heir. The others (a mortgage, its release, a change of
 * purpose, a house) are submitted by a holder on the certificate, whom the land registry
 * takes from its book: they have no list of people.
 */
const SUBMITTER_LIST: Partial<Record<ProcedureKey, string>> = {
  TRANSFER: 'buyers',
  INHERITANCE: 'heirs',
};

/** A procedure's form as it opens for the logged-in citizen: the applicant and that party. */
export function onlineInitialValues(spec: ProcedureFormSpec, actor: Actor | null): FormValues {
  const me = { fullName: actor?.fullName ?? '', citizenId: actor?.citizenId ?? '' };
  const values: FormValues = { ...spec.initialValues, applicant: { fullName: me.fullName } };
  const list = SUBMITTER_LIST[spec.key];
  if (list) {
    const first = (spec.initialValues[list] as FormValues[] | undefined)?.[0] ?? {};
    values[list] = [{ ...first, ...me }];
  }
  return values;
}
