import { Actor, Role, hasRole } from '../../../auth/roles';

/** The parts of GET /dossiers/:code (an officer of the unit: the full view) this page shows. */
export interface Person {
  fullName: string;
  citizenId?: string;
  address?: string;
}

export interface OfficerRef {
  username: string;
  describedAs: string;
}

export interface OfficerDossier {
  dossierCode: string;
  procedure: string;
  procedureVi?: string;
  status: string;
  statusVi?: string;
  heldByVi?: string;
  waitingFor: { agency: string; messageVi?: string } | null;
  unit: string;
  channel: 'ONLINE' | 'COUNTER';
  receivedAt: string;
  appointmentAt: string;
  currentDeadline: string | null;
  clockPaused: boolean;
  workingDays: { allowed: number; used: number; remote: boolean };
  parcel: {
    ref: { communeCode: string; mapSheetNumber: number; parcelNumber: number };
    address: string;
    areaTenthsM2: number;
    purposeCode: string;
  };
  sellers: Person[];
  buyers: Person[];
  applicant: { fullName?: string; phone?: string };
  fees: { labelVi: string; amountVnd: number; decisionVi: string }[];
  assessment: {
    totalVnd: number;
    notices: {
      noticeNumber: string;
      labelVi: string;
      amountVnd: number;
      dueDate: string;
      legalBasis: string;
      exemptionVi?: string;
    }[];
  } | null;
  payment: { paidAt: string; amountVnd: number; late: boolean } | null;
  assignee: OfficerRef | null;
  proposal: { by: OfficerRef; opinionVi: string } | null;
  refusal: { reasonVi: string } | null;
  delay?: { previousAppointmentAt: string; newAppointmentAt: string } | null;
  approval?: { by: OfficerRef } | null;
  timeline: {
    at: string;
    step: string;
    actor: string;
    noteVi: string;
    deadlineAt?: string | null;
  }[];
}

/** The services that write a timeline step, named as the agencies officers know. */
const AGENCY_VI: Record<string, string> = {
  'land-registry': 'Văn phòng đăng ký đất đai',
  'secured-transactions': 'Sở Tư pháp',
  'tax-obligation': 'Cơ quan thuế',
  construction: 'Sở Xây dựng',
  notification: 'Hệ thống thông báo',
};

/** Who did a step: a person as the timeline describes them, or the agency whose system did. */
export function actorVi(actor: string): string {
  return AGENCY_VI[actor] ?? actor;
}

/** One thing the signed-in person may do with the dossier now, and the route it calls. */
export interface DossierAction {
  key: 'claim' | 'propose' | 'approve' | 'send-back' | 'refuse' | 'hand-over';
  labelVi: string;
  path: string;
  /** The text the officer must write, and the body field it goes in. */
  text?: { field: 'opinionVi' | 'reasonVi'; labelVi: string };
  danger?: boolean;
}

const REASON = { field: 'reasonVi', labelVi: 'Lý do' } as const;

/**
 * The actions the person's role may take at this step, as the land registry allows them
 * (apps/land-registry/src/officer-actions): a land officer claims a dossier in review and
 * proposes on the ones they hold; the leader approves or sends back a proposal; the counter
 * hands the result over. The service checks again; this only hides what would be refused.
 */
export function actionsFor(actor: Actor | null, d: OfficerDossier): DossierAction[] {
  if (!actor) return [];
  const at = (p: string) => `/dossiers/${encodeURIComponent(d.dossierCode)}/${p}`;
  const actions: DossierAction[] = [];
  const mine = d.assignee?.username === actor.username;
  if (hasRole(actor, Role.LandOfficer) && d.status === 'IN_REVIEW') {
    if (!d.assignee)
      actions.push({ key: 'claim', labelVi: 'Nhận thẩm định', path: at('review/claim') });
    if (mine) {
      actions.push({
        key: 'propose',
        labelVi: 'Trình lãnh đạo',
        path: at('review/proposal'),
        text: { field: 'opinionVi', labelVi: 'Ý kiến thẩm định' },
      });
      actions.push({
        key: 'refuse',
        labelVi: 'Từ chối hồ sơ',
        path: at('refusal'),
        text: REASON,
        danger: true,
      });
    }
  }
  if (hasRole(actor, Role.LandLeader) && d.status === 'AWAITING_APPROVAL') {
    if (d.proposal?.by.username !== actor.username)
      actions.push({ key: 'approve', labelVi: 'Phê duyệt', path: at('approval') });
    actions.push({
      key: 'send-back',
      labelVi: 'Trả lại chuyên viên',
      path: at('review/send-back'),
      text: REASON,
    });
    actions.push({
      key: 'refuse',
      labelVi: 'Từ chối hồ sơ',
      path: at('refusal'),
      text: REASON,
      danger: true,
    });
  }
  if (hasRole(actor, Role.CounterOfficer) && d.status === 'RESULT_READY')
    actions.push({
      key: 'hand-over',
      labelVi: 'Trả kết quả cho người dân',
      path: at('result-handover'),
    });
  return actions;
}
