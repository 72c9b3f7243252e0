import type {
  EncumbranceV1,
  HoldPlacedV1,
  ObligationsAssessedV1,
  ObligationsPaidV1,
  ParcelCheckCompletedV1,
  TransferSlipReturnedV1,
} from '@lien-thong/contracts';
import { Topics } from '@lien-thong/contracts';
import { Dossier, DossierStatus, FINISHED, HoldNotice } from '../dossiers/dossier';
import { closePause, emission, openPause, Transition } from './transition';
import { StepNotReachedYetError } from './saga.exceptions';
import { queueForReview, register } from './land-office-review';
import { answered, handOff } from './handoffs';
import { stepsOf } from '../procedures';
import { requestConstructionOpinion } from '../procedures/house-registration/house-registration.steps';

/**
 * The transfer workflow as pure decisions: given the dossier and what just happened,
 * what changes and what is announced. No I/O here; the saga service reads, decides,
 * and writes the result with the events in one atomic write.
 */

/** Why an encumbrance stops the dossier, or null when it may go on (by procedure). */
export function blockingReason(
  d: Dossier,
  result: EncumbranceV1,
): { code: string; reasonVi: string } | null {
  return stepsOf(d).blocks(d, result);
}

export function refuse(
  d: Dossier,
  reason: { code: string; reasonVi: string },
  at: Date,
  actor: string,
): Transition {
  return {
    status: 'REFUSED',
    heldBy: 'none',
    set: { refusal: reason, finishedAt: at, waitingFor: null, ...answered(d, at), handoff: null },
    pauses: closePause(d.pauses, at),
    timeline: [{ at, step: 'REFUSED', actor, noteVi: `Từ chối hồ sơ: ${reason.reasonVi}` }],
    emit: [
      emission(Topics.DossierRefused, {
        dossierCode: d._id,
        reasonCode: reason.code,
        reasonVi: reason.reasonVi,
      }),
    ],
  };
}

/**
 * Sends the procedure's slip to tax (a transfer slip, a purpose-change or a house slip); the
 * land office's clock stops while tax works (domain.md, Time).
 */
export function sendSlip(d: Dossier, at: Date, noteVi: string): Transition {
  const steps = stepsOf(d);
  if (!steps.slip) throw new Error(`${d._id}: ${steps.key} sends no slip to tax`);
  const revision = d.slipRevision + 1;
  const handed = handOff('tax-obligation', 'TRANSFER_SLIP_SENT', at, steps.taxRule);
  return {
    status: 'WAITING_FOR_TAX',
    heldBy: 'tax-obligation',
    set: { slipRevision: revision, resumeStep: null, ...handed },
    pauses: openPause(closePause(d.pauses, at), 'TAX_ASSESSMENT', at),
    timeline: [
      {
        at,
        step: 'TRANSFER_SLIP_SENT',
        actor: 'land-registry',
        noteVi,
        deadlineAt: handed.handoff.dueAt,
      },
    ],
    emit: [steps.slip(d, revision, at)],
  };
}

export function onParcelChecked(
  d: Dossier,
  check: ParcelCheckCompletedV1,
  at: Date,
  unitNameVi: string,
  counterAddressVi: string,
): Transition | null {
  const expected = check.stage === 'RECEIPT' ? 'CHECKING_PARCEL' : 'RECHECKING_HOLDS';
  if (d.status !== expected) return null;
  const asOf = Date.parse(check.result.asOf ?? check.checkedAt);
  const missed = holdMissedBy(d, asOf);
  const blocked =
    blockingReason(d, check.result) ??
    (missed
      ? {
          code: 'PARCEL.BLOCKED',
          reasonVi: `Thửa đất bị ngăn chặn theo văn bản số ${missed.documentNumber} của ${missed.authority}`,
        }
      : null);
  if (blocked) return refuse(d, blocked, at, 'secured-transactions');
  const checked = {
    // As of the registry's as-of time (its clock), which onHoldPlaced compares holds with.
    at: new Date(check.result.asOf ?? check.checkedAt),
    step: check.stage === 'RECEIPT' ? 'PARCEL_CHECKED' : 'HOLDS_RECHECKED',
    actor: 'secured-transactions',
    noteVi:
      check.result.status === 'MORTGAGED'
        ? 'Thửa đất đang thế chấp, có văn bản đồng ý của bên nhận thế chấp'
        : 'Không có thông tin ngăn chặn, tranh chấp',
  };
  if (check.stage === 'RECEIPT') {
    const next = afterReceiptCheck(d, at, unitNameVi);
    return {
      ...next,
      set: { ...answered(d, at), ...next.set, waitingFor: null },
      timeline: [checked, ...next.timeline],
    };
  }
  // Approved and still clear just before registration: registered. A check without an
  // approval was asked after payment by an earlier version: the land office reviews it.
  const next = d.approval
    ? register(d, checked, at, counterAddressVi)
    : queueForReview(checked, at, unitNameVi);
  return { ...next, set: { ...answered(d, at), ...next.set } };
}

/** The procedure's next step once the parcel is found free on receipt. */
function afterReceiptCheck(d: Dossier, at: Date, unitNameVi: string): Transition {
  switch (stepsOf(d).afterReceiptCheck) {
    case 'TAX_SLIP':
      return sendSlip(
        d,
        at,
        'Chuyển phiếu thông tin xác định nghĩa vụ tài chính (mẫu 19) sang cơ quan thuế',
      );
    case 'CONSTRUCTION_OPINION':
      return requestConstructionOpinion(d, at);
    case 'REVIEW': {
      const queued = queueForReview(null, at, unitNameVi);
      return { ...queued, set: { ...queued.set, handoff: null } };
    }
  }
}

export function onObligationsAssessed(
  d: Dossier,
  assessed: ObligationsAssessedV1,
  at: Date,
): Transition | null {
  if (d.status !== 'WAITING_FOR_TAX' || assessed.slipRevision !== d.slipRevision) return null;
  return {
    status: 'WAITING_FOR_PAYMENT',
    heldBy: 'citizen',
    set: {
      ...answered(d, at),
      assessment: {
        assessmentId: assessed.assessmentId,
        totalVnd: assessed.totalVnd,
        notices: assessed.notices,
        ...(assessed.payUrl ? { payUrl: assessed.payUrl } : {}),
      },
      waitingFor: null,
    },
    // The clock stays stopped: the pause now covers the citizen paying.
    pauses: openPause(closePause(d.pauses, at), 'CITIZEN_PAYMENT', at),
    timeline: [
      {
        at,
        step: 'OBLIGATIONS_ASSESSED',
        actor: 'tax-obligation',
        noteVi: `Cơ quan thuế đã ra thông báo nộp tiền, tổng cộng ${assessed.totalVnd.toLocaleString('vi-VN')} đồng`,
      },
    ],
    emit: [],
  };
}

export function onSlipReturned(
  d: Dossier,
  returned: TransferSlipReturnedV1,
  at: Date,
): Transition | null {
  if (d.status !== 'WAITING_FOR_TAX' || returned.slipRevision !== d.slipRevision) return null;
  const reasonVi = returned.problems.map((p) => p.messageVi).join('; ');
  return {
    status: 'SUPPLEMENT_REQUESTED',
    heldBy: 'citizen',
    set: { resumeStep: 'TRANSFER_SLIP', ...answered(d, at) },
    pauses: openPause(closePause(d.pauses, at), 'SUPPLEMENT', at),
    timeline: [
      {
        at,
        step: 'SLIP_RETURNED',
        actor: 'tax-obligation',
        noteVi: `Cơ quan thuế trả phiếu để bổ sung: ${reasonVi}`,
      },
    ],
    emit: [
      emission(Topics.SupplementRequested, {
        dossierCode: d._id,
        reasonVi,
        officer: 'Cơ quan thuế',
      }),
    ],
  };
}

/**
 * Paid: into the land office's review queue, its clock running again. The registry is asked
 * again only after the leader's approval, just before registration (domain.md: on receipt and
 * just before registration); a hold placed meanwhile reaches the dossier through HoldPlaced.
 */
export function onObligationsPaid(
  d: Dossier,
  paid: ObligationsPaidV1,
  at: Date,
  unitNameVi: string,
): Transition | null {
  // Paid before its assessment reached the dossier: come back later rather than drop it.
  if (d.status === 'WAITING_FOR_TAX')
    throw new StepNotReachedYetError(d._id, 'ObligationsPaid', 'ObligationsAssessed');
  if (d.status !== 'WAITING_FOR_PAYMENT' || paid.assessmentId !== d.assessment?.assessmentId)
    return null;
  const paidAt = new Date(paid.paidAt);
  const queued = queueForReview(null, at, unitNameVi);
  return {
    ...queued,
    set: {
      ...queued.set,
      payment: {
        paidAt,
        amountVnd: paid.amountVnd,
        transactionId: paid.transactionId,
        late: paid.late,
      },
    },
    pauses: closePause(d.pauses, at),
    timeline: [
      {
        at: paidAt,
        step: 'PAID',
        actor: 'tax-obligation',
        noteVi: paid.late ? 'Người dân đã nộp tiền (sau hạn nộp)' : 'Người dân đã nộp đủ tiền',
      },
      ...queued.timeline,
    ],
  };
}

/**
 * When the newest registry answer that let the dossier go on (clear, or mortgaged with
 * consent) was true, on the registry's clock; null before any.
 */
/** The steps in which a question to the registry is on its way. */
const CHECKING: readonly DossierStatus[] = ['CHECKING_PARCEL', 'RECHECKING_HOLDS'];

/** A hold heard of during the check and placed after the moment its answer speaks for. */
function holdMissedBy(d: Dossier, asOf: number): HoldNotice | undefined {
  return (d.holdNotices ?? []).find(
    (n) => Date.parse(n.placedAt) > asOf && !(n.liftedAt && Date.parse(n.liftedAt) <= asOf),
  );
}

function seenFreeAsOf(d: Dossier): number | null {
  const checks = d.timeline.filter(
    (t) => t.step === 'PARCEL_CHECKED' || t.step === 'HOLDS_RECHECKED',
  );
  return checks.length > 0 ? Math.max(...checks.map((t) => new Date(t.at).getTime())) : null;
}

/**
 * A hold placed mid-process stops every unfinished dossier on that parcel, however late its
 * news arrives; but not a hold lifted before the dossier was received, nor one placed before
 * the as-of time of a registry answer that found the parcel free (it was lifted by then).
 */
export function onHoldPlaced(d: Dossier, placed: HoldPlacedV1, at: Date): Transition | null {
  if (FINISHED.includes(d.status)) return null;
  if (placed.liftedAt && Date.parse(placed.liftedAt) <= d.receivedAt.getTime()) return null;
  // A check of the parcel is on its way: its answer, as of after the question, decides (a
  // hold placed and lifted before it refuses nobody); the hold is remembered in case that
  // answer was given before the hold was placed (found by the chaos run: news of a hold
  // lifted a moment before the receipt arrived late and refused the dossier).
  if (CHECKING.includes(d.status))
    return {
      set: {
        holdNotices: [
          ...(d.holdNotices ?? []),
          {
            documentNumber: placed.hold.documentNumber,
            authority: placed.hold.authority,
            placedAt: placed.placedAt,
            ...(placed.liftedAt ? { liftedAt: placed.liftedAt } : {}),
          },
        ],
      },
      timeline: [],
      emit: [],
    };
  const seenFree = seenFreeAsOf(d);
  if (seenFree !== null && Date.parse(placed.placedAt) < seenFree) return null;
  return refuse(
    d,
    {
      code: 'PARCEL.BLOCKED',
      reasonVi: `Thửa đất bị ngăn chặn theo văn bản số ${placed.hold.documentNumber} của ${placed.hold.authority}`,
    },
    at,
    'secured-transactions',
  );
}
