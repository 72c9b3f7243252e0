import { Dossier, procedureOf } from '../dossiers/dossier';
import { stepsOf } from '../procedures';
import { HOLDER_VI, STATUS_VI } from '../workflow/transition';
import { workingDaysUsed } from '../dossiers/deadlines';
import type { DossierMessages } from './dossier-reads.service';

const WAITING_VI: Record<string, string> = {
  'justice-registry':
    'Hệ thống của Sở Tư pháp đang tạm ngừng; hồ sơ sẽ tự tiếp tục khi hệ thống hoạt động trở lại',
  'e-tax':
    'Hệ thống thuế điện tử đang tạm ngừng; hồ sơ sẽ tự tiếp tục khi hệ thống hoạt động trở lại',
  'payment-gateway':
    'Cổng thanh toán đang tạm ngừng; hồ sơ sẽ tự tiếp tục khi hệ thống hoạt động trở lại',
  construction:
    'Hệ thống của Sở Xây dựng đang tạm ngừng; đề nghị xác nhận công trình vẫn được giữ và sẽ tự gửi khi hệ thống hoạt động trở lại',
};

/**
 * Everything an officer sees: the full timeline, who holds it, what it waits for, the
 * deadline, the delivery of every message sent to the citizen (from the notification
 * service; the failures alone, flagged incomplete, while it cannot be asked) and the
 * documents uploaded for it.
 */
export function officerView(
  d: Dossier,
  messages: DossierMessages,
  documents: object[] = [],
  now = new Date(),
) {
  return {
    dossierCode: d._id,
    procedure: procedureOf(d),
    procedureVi: stepsOf(d).nameVi,
    status: d.status,
    statusVi: STATUS_VI[d.status],
    heldBy: d.heldBy,
    heldByVi: HOLDER_VI[d.heldBy],
    waitingFor: d.waitingFor
      ? { ...d.waitingFor, messageVi: WAITING_VI[d.waitingFor.agency] ?? '' }
      : null,
    unit: d.unit,
    receivingUnit: d.receivingUnit ?? null,
    channel: d.channel,
    resultDelivery: d.resultDelivery,
    receivedAt: d.receivedAt,
    appointmentAt: d.delay?.newAppointmentAt ?? d.appointmentAt,
    currentDeadline: d.dueAt,
    clockPaused: d.pauses.some((p) => !p.to),
    workingDays: {
      allowed: d.workingDaysAllowed,
      used: workingDaysUsed(d.receivedAt, d.finishedAt ?? now, d.pauses),
      remote: d.remote,
    },
    pauses: d.pauses,
    parcel: d.parcel,
    certificate: d.certificate,
    transfer: d.transfer,
    sellers: d.sellers,
    buyers: d.buyers,
    inheritance: d.inheritance ?? null,
    mortgage: d.mortgage ?? null,
    mortgageRelease: d.mortgageRelease ?? null,
    purposeChange: d.purposeChange ?? null,
    house: d.house ?? null,
    construction: d.construction ?? null,
    fees: d.fees ?? [],
    applicant: d.applicant,
    assessment: d.assessment,
    payment: d.payment,
    refusal: d.refusal,
    delay: d.delay,
    certificateChoice: d.certificateChoice,
    handoff: d.handoff ?? null,
    lateHandoffs: d.lateHandoffs ?? [],
    assignee: d.assignee,
    proposal: d.proposal,
    approval: d.approval,
    certificateOutcome: d.certificateOutcome,
    withdrawal: d.withdrawal,
    timeline: d.timeline,
    notifications: messages.notifications,
    notificationsIncomplete: messages.incomplete,
    // As GET /dossiers/{code}/documents lists them; each is downloaded by its documentId.
    documents,
  };
}

/** What a citizen sees when tracking: progress and what to do, no one else's personal data. */
export function citizenView(d: Dossier) {
  return {
    dossierCode: d._id,
    procedureVi: stepsOf(d).nameVi,
    statusVi: STATUS_VI[d.status],
    heldByVi: HOLDER_VI[d.heldBy],
    waitingForVi: d.waitingFor ? (WAITING_VI[d.waitingFor.agency] ?? null) : null,
    receivedAt: d.receivedAt,
    appointmentAt: d.delay?.newAppointmentAt ?? d.appointmentAt,
    steps: d.timeline.map((t) => ({ at: t.at, noteVi: t.noteVi })),
    toPay:
      d.status === 'WAITING_FOR_PAYMENT' && d.assessment
        ? {
            totalVnd: d.assessment.totalVnd,
            payUrl: d.assessment.payUrl ?? null,
            notices: d.assessment.notices.map((n) => ({
              labelVi: n.labelVi,
              amountVnd: n.amountVnd,
              dueDate: n.dueDate,
              noticeNumber: n.noticeNumber,
            })),
          }
        : null,
    fees: (d.fees ?? []).map((f) => ({
      labelVi: f.labelVi,
      amountVnd: f.amountVnd,
      decisionVi: f.decisionVi,
    })),
    refusalVi: d.refusal?.reasonVi ?? null,
    certificateVi: d.certificateOutcome
      ? d.certificateOutcome.choice === 'NEW_CERTIFICATE'
        ? `Giấy chứng nhận mới số ${d.certificateOutcome.serial}`
        : `Giấy chứng nhận số ${d.certificateOutcome.serial} đã được xác nhận thay đổi`
      : null,
  };
}
