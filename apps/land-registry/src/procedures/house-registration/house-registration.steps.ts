import { ConstructionOpinionGivenV1, Topics } from '@lien-thong/contracts';
import type { Dossier } from '../../dossiers/dossier';
import { answered, handOff } from '../../workflow/handoffs';
import { emission, Transition } from '../../workflow/transition';
import { certificateWordsVi, holdOrDispute, ProcedureSteps } from '../procedure-steps';

/**
 * Registration of a house (or other work) on land, on a certificate that has the land: the
 * construction authority first confirms the work (permit or exemption, conformity with the
 * permit and planning, completion acceptance) within the deadline of the province's
 * inter-agency rules; then tax assesses the registration fee on the house; then the land
 * office reviews and adds the house to the certificate.
 */
export const HOUSE_REGISTRATION_STEPS: ProcedureSteps = {
  key: 'HOUSE_REGISTRATION',
  nameVi: 'Đăng ký quyền sở hữu nhà ở, công trình xây dựng gắn liền với đất',
  afterReceiptCheck: 'CONSTRUCTION_OPINION',
  slip: (d, revision) => {
    if (!d.house) throw new Error(`${d._id} has no house`);
    return emission(Topics.HouseSlipSent, {
      dossierCode: d._id,
      slipRevision: revision,
      completeReceiptAt: d.receivedAt.toISOString(),
      procedureCode: d.procedureCode,
      declarationDate: d.receivedAt.toISOString().slice(0, 10),
      owners: d.sellers.map(({ fullName, citizenId, address }) => ({
        fullName,
        citizenId,
        address,
      })),
      parcel: d.parcel,
      certificateSerial: d.certificate.serial,
      house: d.house,
    });
  },
  taxRule: 'TAX.PIT_AND_REGISTRATION_FEE',
  blocks: (_d, result) => holdOrDispute(result),
  registration: (d) => ({
    noteVi: `Đã đăng ký quyền sở hữu nhà ở, công trình (${((d.house?.floorAreaTenthsM2 ?? 0) / 10).toLocaleString('vi-VN')} m² sàn) vào sổ địa chính, ${certificateWordsVi(d)}`,
    emit: [],
  }),
};

/** The n-th request of a dossier to the construction authority (a supplement asks again). */
export function constructionRequestId(d: Dossier): string {
  const attempt = d.construction?.requestId.match(/:C(\d+)$/)?.[1];
  return `${d._id}:C${attempt ? Number(attempt) + 1 : 1}`;
}

/** The land office asks the construction authority to confirm the house; its clock runs. */
export function requestConstructionOpinion(d: Dossier, at: Date): Transition {
  if (!d.house) throw new Error(`${d._id} has no house`);
  const handed = handOff('construction', 'CONSTRUCTION_OPINION_REQUESTED', at);
  const requestId = constructionRequestId(d);
  return {
    status: 'WAITING_FOR_CONSTRUCTION',
    heldBy: 'construction',
    set: {
      ...handed,
      resumeStep: null,
      construction: {
        requestId,
        requestedAt: at,
        dueAt: handed.handoff.dueAt,
        outcome: null,
        reasons: [],
        reference: null,
        answeredAt: null,
      },
    },
    timeline: [
      {
        at,
        step: 'CONSTRUCTION_OPINION_REQUESTED',
        actor: 'land-registry',
        noteVi: 'Gửi Sở Xây dựng đề nghị xác nhận nhà ở, công trình xây dựng gắn liền với đất',
        deadlineAt: handed.handoff.dueAt,
      },
    ],
    emit: [
      emission(Topics.ConstructionOpinionRequested, {
        dossierCode: d._id,
        requestId,
        parcel: d.parcel.ref,
        provinceCode: d.parcel.provinceCode,
        address: d.parcel.address,
        house: d.house,
        requestedAt: at.toISOString(),
        dueAt: (handed.handoff.dueAt ?? at).toISOString(),
      }),
    ],
  };
}

/**
 * The construction authority's answer: confirmed, the slip goes to tax; not confirmed, the
 * dossier is refused with its reasons. An answer to an older request, or after the dossier
 * moved on, changes nothing.
 */
export function onConstructionOpinion(
  d: Dossier,
  given: ConstructionOpinionGivenV1,
  at: Date,
  sendSlip: (d: Dossier, at: Date, noteVi: string) => Transition,
  refuse: (
    d: Dossier,
    r: { code: string; reasonVi: string },
    at: Date,
    actor: string,
  ) => Transition,
): Transition | null {
  if (d.status !== 'WAITING_FOR_CONSTRUCTION' || d.construction?.requestId !== given.requestId)
    return null;
  const answeredAt = new Date(given.answeredAt);
  const construction = {
    ...d.construction,
    outcome: given.outcome,
    reasons: given.reasons,
    reference: given.reference,
    answeredAt,
  };
  if (given.outcome === 'NOT_CONFIRMED') {
    const reasonVi = `Sở Xây dựng không xác nhận công trình (văn bản số ${given.reference}): ${given.reasons.map((r) => r.messageVi).join('; ')}`;
    const refused = refuse(d, { code: 'CONSTRUCTION.NOT_CONFIRMED', reasonVi }, at, 'construction');
    return { ...refused, set: { ...refused.set, construction } };
  }
  const confirmed = {
    at: answeredAt,
    step: 'CONSTRUCTION_CONFIRMED',
    actor: 'construction',
    noteVi: `Sở Xây dựng xác nhận công trình phù hợp (văn bản số ${given.reference})`,
  };
  const sent = sendSlip(
    { ...d, construction },
    at,
    'Chuyển phiếu thông tin xác định lệ phí trước bạ nhà ở sang cơ quan thuế',
  );
  return {
    ...sent,
    set: { ...answered(d, at), ...sent.set, construction, waitingFor: null },
    timeline: [confirmed, ...sent.timeline],
  };
}
