import { Topics } from '@lien-thong/contracts';
import { emission } from '../../workflow/transition';
import { certificateWordsVi, holdOrDispute, ProcedureSteps } from '../procedure-steps';

/**
 * Change of land-use purpose for a household or individual: the commune People's Committee
 * decided it; tax assesses the land-use levy (Decree 103/2024) within 5 working days, paid
 * 50 % within 30 days and the rest within 90; then the new purpose is registered. A mortgage
 * does not stop it; a hold or a dispute does.
 */
export const PURPOSE_CHANGE_STEPS: ProcedureSteps = {
  key: 'PURPOSE_CHANGE',
  nameVi: 'Đăng ký chuyển mục đích sử dụng đất',
  afterReceiptCheck: 'TAX_SLIP',
  slip: (d, revision) => {
    const change = d.purposeChange;
    if (!change) throw new Error(`${d._id} has no purpose change`);
    return emission(Topics.PurposeChangeSlipSent, {
      dossierCode: d._id,
      slipRevision: revision,
      completeReceiptAt: d.receivedAt.toISOString(),
      procedureCode: d.procedureCode,
      landUsers: d.sellers.map(({ fullName, citizenId, address }) => ({
        fullName,
        citizenId,
        address,
      })),
      parcel: d.parcel,
      certificateSerial: d.certificate.serial,
      decision: change.decision,
      fromPurpose: change.fromPurpose,
      toPurpose: change.toPurpose,
      convertedAreaTenthsM2: change.convertedAreaTenthsM2,
      parcelHasResidentialLand: change.parcelHasResidentialLand,
      householdUsedReducedTiers: change.householdUsedReducedTiers,
    });
  },
  taxRule: 'TAX.LAND_USE_LEVY_HOUSEHOLD',
  blocks: (_d, result) => holdOrDispute(result),
  registration: (d) => {
    const change = d.purposeChange;
    const areaM2 = ((change?.convertedAreaTenthsM2 ?? 0) / 10).toLocaleString('vi-VN');
    return {
      noteVi: `Đã đăng ký chuyển ${areaM2} m² từ ${change?.fromPurpose ?? ''} sang ${change?.toPurpose ?? ''} theo Quyết định số ${change?.decision.number ?? ''}, ${certificateWordsVi(d)}`,
      emit: [],
    };
  },
};
