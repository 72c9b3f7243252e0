import { Dossier, procedureOf } from '../dossiers/dossier';
import { workingDaysLeft } from '../dossiers/deadlines';
import { deadlineOf, finishedAt, timelinessOf, TIMELINESS_VI } from '../dossiers/timeliness';
import { stepsOf } from '../procedures';
import { HOLDER_VI, STATUS_VI } from '../workflow/transition';

/** The fields of a dossier the list reads (the rest is never loaded). */
export const ROW_FIELDS = {
  _id: 1,
  procedure: 1,
  status: 1,
  heldBy: 1,
  waitingFor: 1,
  handoff: 1,
  channel: 1,
  unit: 1,
  receivingUnit: 1,
  receivedAt: 1,
  appointmentAt: 1,
  dueAt: 1,
  delay: 1,
  registeredAt: 1,
  finishedAt: 1,
  'applicant.fullName': 1,
  'parcel.ref': 1,
  assignee: 1,
} as const;

export type RowDossier = Pick<
  Dossier,
  | '_id'
  | 'procedure'
  | 'status'
  | 'heldBy'
  | 'waitingFor'
  | 'handoff'
  | 'channel'
  | 'unit'
  | 'receivingUnit'
  | 'receivedAt'
  | 'appointmentAt'
  | 'dueAt'
  | 'delay'
  | 'registeredAt'
  | 'finishedAt'
  | 'assignee'
> & {
  applicant: { fullName: string };
  parcel: { ref: Dossier['parcel']['ref'] };
};

/**
 * One line of the officers' list: what the queue shows, no one's ID or contact (Decree
 * 13/2023, Article 2: only what the task needs); `citizenId` only when the officer searched
 * by it, to show which dossiers it matched.
 */
export function dossierRow(d: RowDossier, now: Date, searchedCitizenId?: string) {
  const deadline = deadlineOf(d);
  const running = !finishedAt(d);
  const timeliness = timelinessOf(d, now);
  const agency = d.handoff?.agency ?? null;
  const { communeCode, mapSheetNumber, parcelNumber } = d.parcel.ref;
  return {
    dossierCode: d._id,
    procedure: procedureOf(d),
    procedureVi: stepsOf(d).nameVi,
    applicantName: d.applicant.fullName,
    parcel: `${communeCode}/${mapSheetNumber}/${parcelNumber}`,
    channel: d.channel,
    unit: d.unit,
    receivingUnit: d.receivingUnit ?? null,
    receivedAt: d.receivedAt,
    currentDeadline: deadline,
    workingDaysLeft: running && deadline ? workingDaysLeft(new Date(deadline), now) : null,
    status: d.status,
    statusVi: STATUS_VI[d.status],
    heldBy: d.heldBy,
    heldByVi: HOLDER_VI[d.heldBy],
    waitingForAgency: agency,
    waitingForAgencyVi: agency ? HOLDER_VI[agency] : null,
    agencyDown: d.waitingFor?.agency ?? null,
    assignee: d.assignee?.describedAs ?? null,
    timeliness,
    timelinessVi: TIMELINESS_VI[timeliness],
    ...(searchedCitizenId ? { citizenId: searchedCitizenId } : {}),
  };
}
