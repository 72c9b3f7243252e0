import { Topics } from '@lien-thong/contracts';
import { DossierStateException } from '../dossiers/dossiers.exceptions';
import type { ApplicantV1, PersonV1, SellerV1 } from '@lien-thong/contracts';
import { DomainException } from '@lien-thong/platform';
import { Dossier, DossierStatus, FINISHED, ResumeStep, TransferTerms } from '../dossiers/dossier';
import { refuse, sendSlip } from './transfer-saga';
import { closePause, emission, openPause, Transition } from './transition';
import { handOff } from './handoffs';
import { requestConstructionOpinion } from '../procedures/house-registration/house-registration.steps';

/**
 * The decisions the law leaves to a person (form 02 request to supplement, form 03
 * refusal, handing over the result), as pure transitions like the automatic steps.
 */

/** Where each step resumes once the citizen has supplemented the dossier. */
const RESUME_AFTER_SUPPLEMENT: Partial<Record<DossierStatus, ResumeStep>> = {
  CHECKING_PARCEL: 'PARCEL_CHECK',
  WAITING_FOR_CONSTRUCTION: 'CONSTRUCTION_OPINION',
  WAITING_FOR_TAX: 'TRANSFER_SLIP',
  RECHECKING_HOLDS: 'HOLDS_RECHECK',
  IN_REVIEW: 'REVIEW',
};

export function requestSupplement(
  d: Dossier,
  reasonVi: string,
  officer: string,
  at: Date,
): Transition {
  const resumeStep = RESUME_AFTER_SUPPLEMENT[d.status];
  if (!resumeStep) throw new DossierStateException('yêu cầu bổ sung', d.status);
  return {
    status: 'SUPPLEMENT_REQUESTED',
    heldBy: 'citizen',
    // The agency's handoff ends here; the supplemented dossier is handed over afresh.
    set: { resumeStep, handoff: null },
    // The clock stops while the dossier is back with the citizen and restarts on its return.
    pauses: openPause(closePause(d.pauses, at), 'SUPPLEMENT', at),
    timeline: [
      {
        at,
        step: 'SUPPLEMENT_REQUESTED',
        actor: officer,
        noteVi: `Yêu cầu bổ sung hồ sơ: ${reasonVi}`,
      },
    ],
    emit: [emission(Topics.SupplementRequested, { dossierCode: d._id, reasonVi, officer })],
  };
}

/** What a supplement may correct (already checked against the cadastral book). */
export interface Corrections {
  declaredPriceVnd?: number;
  contractDate?: string;
  transferKind?: TransferTerms['kind'];
  mortgageeConsent?: { documentNumber: string; signedOn: string };
  sellers?: SellerV1[];
  buyers?: PersonV1[];
  applicant?: ApplicantV1;
}

/** Corrections that can change what tax assesses. */
const CHANGES_AMOUNTS: readonly (keyof Corrections)[] = [
  'declaredPriceVnd',
  'contractDate',
  'transferKind',
  'sellers',
  'buyers',
];

function corrected(d: Dossier, c: Corrections, at: Date): Dossier {
  const { sellers, buyers, applicant, ...given } = c;
  // Only what was corrected: an absent term (even one present as undefined) stays as it was.
  const terms = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  return {
    ...d,
    // Only a transfer or an inheritance has terms to correct.
    transfer: d.transfer ? { ...d.transfer, ...terms } : null,
    sellers: sellers ?? d.sellers,
    buyers: buyers ?? d.buyers,
    applicant: applicant ?? d.applicant,
    pauses: closePause(d.pauses, at),
  };
}

export function acceptSupplement(
  d: Dossier,
  officer: string,
  at: Date,
  corrections: Corrections = {},
): Transition {
  if (d.status !== 'SUPPLEMENT_REQUESTED')
    throw new DossierStateException('nhận hồ sơ bổ sung', d.status);
  const next = corrected(d, corrections, at);
  const changed = {
    transfer: next.transfer,
    sellers: next.sellers,
    buyers: next.buyers,
    applicant: next.applicant,
  };
  const received = { at, step: 'SUPPLEMENTED', actor: officer, noteVi: 'Đã nhận hồ sơ bổ sung' };
  const paid = d.resumeStep === 'HOLDS_RECHECK' || d.resumeStep === 'REVIEW';
  if (paid && CHANGES_AMOUNTS.some((k) => corrections[k] !== undefined))
    // Tax was paid on these terms: changing them is a new dossier (refusal, refund), not a fix.
    throw new DomainException(
      'SUPPLEMENT.AMOUNTS_AFTER_PAYMENT',
      'Nghĩa vụ tài chính đã nộp theo nội dung hồ sơ: không sửa bên giao dịch, giá, ngày hay loại hợp đồng sau khi đã nộp tiền',
      422,
    );
  if (d.resumeStep === 'TRANSFER_SLIP') {
    const sent = sendSlip(next, at, 'Chuyển lại phiếu thông tin đã bổ sung sang cơ quan thuế');
    return {
      ...sent,
      set: { ...sent.set, ...changed },
      timeline: [received, ...sent.timeline],
    };
  }
  if (d.resumeStep === 'CONSTRUCTION_OPINION') {
    const asked = requestConstructionOpinion(next, at);
    return {
      ...asked,
      set: { ...asked.set, ...changed },
      pauses: next.pauses,
      timeline: [received, ...asked.timeline],
    };
  }
  if (d.resumeStep === 'REVIEW')
    return {
      status: 'IN_REVIEW',
      heldBy: 'land-registry',
      set: { resumeStep: null, ...changed },
      pauses: next.pauses,
      timeline: [received],
      emit: [],
    };
  const stage = d.resumeStep === 'HOLDS_RECHECK' ? 'PRE_REGISTRATION' : 'RECEIPT';
  const step = stage === 'RECEIPT' ? 'PARCEL_CHECK_REQUESTED' : 'HOLDS_RECHECK_REQUESTED';
  const handed = handOff('secured-transactions', step, at);
  return {
    status: stage === 'RECEIPT' ? 'CHECKING_PARCEL' : 'RECHECKING_HOLDS',
    heldBy: 'secured-transactions',
    set: { resumeStep: null, ...changed, ...handed },
    pauses: next.pauses,
    timeline: [
      received,
      {
        at,
        step,
        actor: 'land-registry',
        noteVi: 'Gửi lại yêu cầu kiểm tra thông tin ngăn chặn sang Sở Tư pháp',
        deadlineAt: handed.handoff.dueAt,
      },
    ],
    emit: [
      emission(Topics.ParcelCheckRequested, {
        dossierCode: d._id,
        stage,
        parcel: d.parcel.ref,
        certificateSerial: d.certificate.serial,
      }),
    ],
  };
}

export function refuseByOfficer(
  d: Dossier,
  reasonVi: string,
  officer: string,
  at: Date,
): Transition {
  if (FINISHED.includes(d.status)) throw new DossierStateException('từ chối', d.status);
  return refuse(d, { code: 'DOSSIER.REFUSED_BY_OFFICER', reasonVi }, at, officer);
}

export function returnResult(d: Dossier, officer: string, at: Date): Transition {
  if (d.status !== 'RESULT_READY') throw new DossierStateException('trả kết quả', d.status);
  return {
    status: 'DONE',
    heldBy: 'none',
    timeline: [
      {
        at,
        step: 'RESULT_RETURNED',
        actor: officer,
        noteVi:
          d.resultDelivery === 'POST'
            ? 'Đã gửi kết quả qua bưu chính'
            : 'Đã trả kết quả tại Bộ phận Một cửa',
      },
    ],
    emit: [],
  };
}
