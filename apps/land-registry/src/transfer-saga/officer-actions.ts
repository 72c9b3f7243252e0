import { Topics } from '@lien-thong/contracts';
import { DossierStateException } from '../dossiers/dossiers.exceptions';
import { Dossier, DossierStatus, FINISHED } from '../dossiers/schemas/dossier.schema';
import { refuse, sendSlip } from './transfer-saga';
import { closePause, emission, openPause, Transition } from './transition';
import { handOff } from './handoffs';

/**
 * The decisions the law leaves to a person (form 02 request to supplement, form 03
 * refusal, handing over the result), as pure transitions like the automatic steps.
 */

const SUPPLEMENTABLE: readonly DossierStatus[] = [
  'CHECKING_PARCEL',
  'WAITING_FOR_TAX',
  'RECHECKING_HOLDS',
];

export function requestSupplement(
  d: Dossier,
  reasonVi: string,
  officer: string,
  at: Date,
): Transition {
  if (!SUPPLEMENTABLE.includes(d.status))
    throw new DossierStateException('yêu cầu bổ sung', d.status);
  return {
    status: 'SUPPLEMENT_REQUESTED',
    heldBy: 'citizen',
    // The agency's handoff ends here; the supplemented dossier is handed over afresh.
    set: {
      resumeStep: d.status === 'WAITING_FOR_TAX' ? 'TRANSFER_SLIP' : 'PARCEL_CHECK',
      handoff: null,
    },
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

export interface Corrections {
  declaredPriceVnd?: number;
  contractDate?: string;
}

export function acceptSupplement(
  d: Dossier,
  officer: string,
  at: Date,
  corrections: Corrections = {},
): Transition {
  if (d.status !== 'SUPPLEMENT_REQUESTED')
    throw new DossierStateException('nhận hồ sơ bổ sung', d.status);
  const corrected: Dossier = {
    ...d,
    transfer: { ...d.transfer, ...corrections },
    pauses: closePause(d.pauses, at),
  };
  const received = { at, step: 'SUPPLEMENTED', actor: officer, noteVi: 'Đã nhận hồ sơ bổ sung' };
  if (d.resumeStep === 'TRANSFER_SLIP') {
    const sent = sendSlip(corrected, at, 'Chuyển lại phiếu thông tin đã bổ sung sang cơ quan thuế');
    return {
      ...sent,
      set: { ...sent.set, transfer: corrected.transfer },
      timeline: [received, ...sent.timeline],
    };
  }
  const handed = handOff('secured-transactions', 'PARCEL_CHECK_REQUESTED', at);
  return {
    status: 'CHECKING_PARCEL',
    heldBy: 'secured-transactions',
    set: { resumeStep: null, transfer: corrected.transfer, ...handed },
    pauses: corrected.pauses,
    timeline: [
      received,
      {
        at,
        step: 'PARCEL_CHECK_REQUESTED',
        actor: 'land-registry',
        noteVi: 'Gửi lại yêu cầu kiểm tra thông tin ngăn chặn sang Sở Tư pháp',
        deadlineAt: handed.handoff.dueAt,
      },
    ],
    emit: [
      emission(Topics.ParcelCheckRequested, {
        dossierCode: d._id,
        stage: 'RECEIPT',
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
