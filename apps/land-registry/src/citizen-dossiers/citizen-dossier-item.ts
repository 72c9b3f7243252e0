import { Dossier, FINISHED, procedureOf } from '../dossiers/dossier';
import { formsFor } from '../forms/form-content';
import { stepsOf } from '../procedures';
import { STATUS_VI } from '../workflow/transition';

/**
 * One line of "Hồ sơ của tôi": the citizen's own dossier, its step, appointment, what is
 * owed and what they may do now. Nothing of the other parties (citizenView shows no more).
 */
export function citizenDossierItem(d: Dossier) {
  // As the tracking page shows it: owed while the tax notices wait for payment.
  const owed = d.status === 'WAITING_FOR_PAYMENT' && d.assessment ? d.assessment : null;
  return {
    dossierCode: d._id,
    procedure: procedureOf(d),
    procedureNameVi: stepsOf(d).nameVi,
    status: d.status,
    statusVi: STATUS_VI[d.status],
    receivedAt: d.receivedAt,
    appointmentDate: d.delay?.newAppointmentAt ?? d.appointmentAt,
    channel: d.channel,
    ...(owed ? { amountDue: owed.totalVnd } : {}),
    ...(owed?.payUrl ? { paymentUrl: owed.payUrl } : {}),
    // The same rule as the withdrawal itself (workflow/land-office-review.ts): before the end.
    canWithdraw: !FINISHED.includes(d.status),
    forms: formsFor(d),
  };
}
