import { Topics, TransferSlipSentV1 } from '@lien-thong/contracts';
import type { Dossier } from '../../dossiers/dossier';
import { emission } from '../../workflow/transition';
import { certificateWordsVi, mortgageNeedsConsent, ProcedureSteps } from '../procedure-steps';

/** The transfer slip (form 19) for a transfer or an inheritance. */
export function transferSlip(d: Dossier, revision: number): TransferSlipSentV1 {
  const terms = d.transfer;
  if (!terms) throw new Error(`${d._id} has no transfer terms`);
  return {
    dossierCode: d._id,
    slipRevision: revision,
    completeReceiptAt: d.receivedAt.toISOString(),
    procedureCode: d.procedureCode,
    transferKind: terms.kind,
    contractDate: terms.contractDate,
    declarationDate: d.receivedAt.toISOString().slice(0, 10),
    ...(terms.declaredPriceVnd !== undefined ? { declaredPriceVnd: terms.declaredPriceVnd } : {}),
    sellers: d.sellers,
    buyers: d.buyers,
    parcel: d.parcel,
    certificateSerial: d.certificate.serial,
    certificateIssuedOn: d.certificate.issuedOn,
    transfersWhole: terms.transfersWhole,
    ...(d.inheritance ? { heirs: d.inheritance.heirs } : {}),
  };
}

/** Transfer of land-use rights (chuyển nhượng, tặng cho): the procedure the project began with. */
export const TRANSFER_STEPS: ProcedureSteps = {
  key: 'TRANSFER',
  nameVi: 'Đăng ký biến động do chuyển quyền sử dụng đất',
  afterReceiptCheck: 'TAX_SLIP',
  slip: (d, revision) => emission(Topics.TransferSlipSent, transferSlip(d, revision)),
  taxRule: 'TAX.PIT_AND_REGISTRATION_FEE',
  blocks: mortgageNeedsConsent,
  registration: (d) => ({
    noteVi: `Đã đăng ký biến động vào sổ địa chính, ${certificateWordsVi(d)}`,
    emit: [],
  }),
};
