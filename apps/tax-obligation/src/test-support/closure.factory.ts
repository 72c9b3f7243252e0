import type { DossierRefusedV1, DossierWithdrawnV1 } from '@lien-thong/contracts';

/** The land office refuses a dossier: a hold placed on the parcel after the tax notice. */
export function aRefusal(dossierCode: string): DossierRefusedV1 {
  return {
    dossierCode,
    reasonCode: 'PARCEL.BLOCKED',
    reasonVi: 'Thửa đất đang bị ngăn chặn giao dịch theo quyết định của Tòa án',
  };
}

/** The applicant withdraws the dossier at the counter. */
export function aWithdrawal(dossierCode: string): DossierWithdrawnV1 {
  return {
    dossierCode,
    withdrawnBy: 'CITIZEN',
    reasonVi: 'Các bên thỏa thuận hủy hợp đồng chuyển nhượng',
    withdrawnAt: new Date().toISOString(),
  };
}
