import { Topics } from '@lien-thong/contracts';
import { emission } from '../../workflow/transition';
import { certificateWordsVi, mortgageNeedsConsent, ProcedureSteps } from '../procedure-steps';
import { transferSlip } from '../transfer/transfer.steps';

/**
 * Registration of a change by inheritance: the heirs and their shares come from the
 * agreement dividing the estate or a court decision; tax assesses each heir (10 % above
 * 10,000,000 VND, exempt between close relatives) from a transfer slip of kind INHERITANCE.
 */
export const INHERITANCE_STEPS: ProcedureSteps = {
  key: 'INHERITANCE',
  nameVi: 'Đăng ký biến động do nhận thừa kế quyền sử dụng đất',
  afterReceiptCheck: 'TAX_SLIP',
  slip: (d, revision) => emission(Topics.TransferSlipSent, transferSlip(d, revision)),
  taxRule: 'TAX.PIT_AND_REGISTRATION_FEE',
  blocks: mortgageNeedsConsent,
  registration: (d) => ({
    noteVi: `Đã đăng ký thừa kế cho ${d.buyers.map((h) => h.fullName).join(', ')} vào sổ địa chính, ${certificateWordsVi(d)}`,
    emit: [],
  }),
};
