import { Topics } from '@lien-thong/contracts';
import { DossierStateException } from '../dossiers/dossiers.exceptions';
import {
  CertificateOutcome,
  Dossier,
  FINISHED,
  OfficerRef,
  TimelineEntry,
} from '../dossiers/dossier';
import { ReviewException } from './review.exceptions';
import { closePause, emission, Transition } from './transition';
import { handOff } from './handoffs';
import { stepsOf } from '../procedures';

/**
 * The land office's own steps once tax is paid (one-stop
 * rules: the dossier is reviewed by a land-registration officer, approved by the office's
 * leader, and only then registered). Pure decisions, like the rest of the saga: the review
 * service checks who is acting and writes what these return.
 */

/** Into the unit's review queue (paid, or nothing to pay), the office's clock running. */
export function queueForReview(
  checked: TimelineEntry | null,
  at: Date,
  unitNameVi: string,
): Transition {
  return {
    status: 'IN_REVIEW',
    heldBy: 'land-registry',
    set: { assignee: null, waitingFor: null },
    timeline: [
      ...(checked ? [checked] : []),
      {
        at,
        step: 'QUEUED_FOR_REVIEW',
        actor: 'land-registry',
        noteVi: `Chuyển vào hàng chờ thẩm định của ${unitNameVi}`,
      },
    ],
    emit: [],
  };
}

/** A land-registration officer takes a dossier from the queue (or it is already theirs). */
export function claim(d: Dossier, officer: OfficerRef, at: Date): Transition | null {
  if (d.status !== 'IN_REVIEW') throw new DossierStateException('nhận thẩm định', d.status);
  if (d.assignee?.username === officer.username) return null;
  if (d.assignee) throw ReviewException.heldByAnother(d.assignee);
  return {
    set: { assignee: officer },
    timeline: [
      {
        at,
        step: 'REVIEW_CLAIMED',
        actor: officer.describedAs,
        noteVi: 'Nhận hồ sơ để thẩm định',
      },
    ],
    emit: [],
  };
}

/** A leader gives the dossier to an officer (or moves it from one officer to another). */
export function assign(d: Dossier, to: OfficerRef, leader: OfficerRef, at: Date): Transition {
  if (d.status !== 'IN_REVIEW') throw new DossierStateException('phân công thẩm định', d.status);
  return {
    set: { assignee: to },
    timeline: [
      {
        at,
        step: 'REVIEW_ASSIGNED',
        actor: leader.describedAs,
        noteVi: `Phân công ${to.describedAs} thẩm định hồ sơ`,
      },
    ],
    emit: [],
  };
}

/** The reviewing officer proposes registration to the leader, with their opinion. */
export function propose(d: Dossier, officer: OfficerRef, opinionVi: string, at: Date): Transition {
  if (d.status !== 'IN_REVIEW') throw new DossierStateException('trình phê duyệt', d.status);
  if (d.assignee?.username !== officer.username) throw ReviewException.notYours(d.assignee);
  return {
    status: 'AWAITING_APPROVAL',
    set: { proposal: { at, by: officer, opinionVi } },
    timeline: [
      {
        at,
        step: 'PROPOSED',
        actor: officer.describedAs,
        noteVi: `Trình lãnh đạo phê duyệt (${stepsOf(d).nameVi}): ${opinionVi}`,
      },
    ],
    emit: [],
  };
}

/** The leader sends the proposal back to the officer who made it, with a reason. */
export function sendBack(d: Dossier, leader: OfficerRef, reasonVi: string, at: Date): Transition {
  if (d.status !== 'AWAITING_APPROVAL') throw new DossierStateException('trả lại', d.status);
  return {
    status: 'IN_REVIEW',
    set: { proposal: null, assignee: d.proposal?.by ?? null },
    timeline: [
      {
        at,
        step: 'SENT_BACK',
        actor: leader.describedAs,
        noteVi: `Lãnh đạo trả lại để thẩm định lại: ${reasonVi}`,
      },
    ],
    emit: [],
  };
}

/** Separation of duties: whoever proposed may not approve their own proposal. */
export function assertMayApprove(d: Dossier, leader: OfficerRef): void {
  if (d.status !== 'AWAITING_APPROVAL') throw new DossierStateException('phê duyệt', d.status);
  if (d.proposal?.by.username === leader.username) throw ReviewException.ownProposal();
}

/**
 * The leader approves: the registry is asked once more, just before registration (a hold
 * placed during the review must stop it, even if the registry's notice of it was lost); the
 * certificate outcome (a new serial, or the annotation) is fixed now.
 */
export function approve(
  d: Dossier,
  leader: OfficerRef,
  at: Date,
  outcome: CertificateOutcome,
): Transition {
  assertMayApprove(d, leader);
  const handed = handOff('secured-transactions', 'HOLDS_RECHECK_REQUESTED', at);
  return {
    status: 'RECHECKING_HOLDS',
    heldBy: 'secured-transactions',
    set: { approval: { at, by: leader }, certificateOutcome: outcome, assignee: null, ...handed },
    timeline: [
      {
        at,
        step: 'APPROVED',
        actor: leader.describedAs,
        noteVi: 'Lãnh đạo Văn phòng đăng ký đất đai phê duyệt',
      },
      {
        at,
        step: 'HOLDS_RECHECK_REQUESTED',
        actor: 'land-registry',
        noteVi: 'Kiểm tra lại thông tin ngăn chặn ngay trước khi đăng ký',
        deadlineAt: handed.handoff.dueAt,
      },
    ],
    emit: [
      emission(Topics.ParcelCheckRequested, {
        dossierCode: d._id,
        stage: 'PRE_REGISTRATION',
        parcel: d.parcel.ref,
        certificateSerial: d.certificate.serial,
      }),
    ],
  };
}

/**
 * Approved and still clear just before: the change is registered and the result is ready at
 * the counter or sent by post; the saga then writes the cadastral book (`cadastralPending`).
 */
export function register(
  d: Dossier,
  checked: TimelineEntry,
  at: Date,
  counterAddressVi: string,
): Transition {
  const outcome = d.certificateOutcome;
  if (!d.approval || !outcome) throw new Error(`${d._id} is registered only once approved`);
  const collectAtVi =
    d.resultDelivery === 'POST'
      ? `Gửi qua dịch vụ bưu chính công ích tới ${d.postalAddress ?? ''}`
      : counterAddressVi;
  const steps = stepsOf(d);
  const recorded = steps.registration(d, at);
  return {
    status: 'RESULT_READY',
    heldBy: d.resultDelivery === 'POST' ? 'land-registry' : 'citizen',
    set: {
      ...recorded.set,
      cadastralPending: true,
      registeredAt: at,
      finishedAt: at,
      waitingFor: null,
    },
    timeline: [
      checked,
      {
        at,
        step: 'REGISTERED',
        actor: 'land-registry',
        noteVi: `${recorded.noteVi}; nhận kết quả: ${collectAtVi}`,
      },
    ],
    emit: [
      ...recorded.emit,
      emission(Topics.DossierRegistered, {
        dossierCode: d._id,
        registeredAt: at.toISOString(),
        resultDelivery: d.resultDelivery,
        collectAtVi,
        certificateChoice: outcome.choice,
        certificateSerial: outcome.serial,
        procedure: steps.key,
      }),
    ],
  };
}

/**
 * The applicant withdraws the dossier before registration (online, or at the counter on
 * their written request). What tax filed or charged is undone by the tax service on the
 * event; the clock stops.
 */
export function withdraw(
  d: Dossier,
  by: 'CITIZEN' | 'COUNTER_OFFICER',
  actor: string,
  reasonVi: string,
  at: Date,
): Transition {
  if (FINISHED.includes(d.status)) throw new DossierStateException('rút hồ sơ', d.status);
  return {
    status: 'WITHDRAWN',
    heldBy: 'none',
    set: {
      withdrawal: { at, by, actor, reasonVi },
      finishedAt: at,
      waitingFor: null,
      assignee: null,
      handoff: null,
    },
    pauses: closePause(d.pauses, at),
    timeline: [
      {
        at,
        step: 'WITHDRAWN',
        actor,
        noteVi: `Rút hồ sơ theo yêu cầu của người nộp: ${reasonVi}`,
      },
    ],
    emit: [
      emission(Topics.DossierWithdrawn, {
        dossierCode: d._id,
        withdrawnBy: by,
        reasonVi,
        withdrawnAt: at.toISOString(),
      }),
    ],
  };
}
