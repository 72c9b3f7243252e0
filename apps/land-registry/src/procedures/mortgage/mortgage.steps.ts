import { Topics } from '@lien-thong/contracts';
import { emission } from '../../workflow/transition';
import { holdOrDispute, ProcedureSteps } from '../procedure-steps';

/** The registration number a mortgage gets from the land office: TC- and the dossier code. */
export function mortgageNumber(dossierCode: string): string {
  return `TC-${dossierCode}`;
}

/**
 * Registration of a mortgage of a land-use right (Decree 99/2022): no obligations to tax; the
 * land office reviews and registers it the working day it is received (before 15:00) and the
 * secured-transactions side records it, so that every later check of the parcel shows it.
 * A parcel already mortgaged may secure another obligation; a hold or a dispute stops it.
 */
export const MORTGAGE_STEPS: ProcedureSteps = {
  key: 'MORTGAGE',
  nameVi: 'Đăng ký thế chấp quyền sử dụng đất',
  afterReceiptCheck: 'REVIEW',
  blocks: (_d, result) => holdOrDispute(result),
  registration: (d, at) => {
    const terms = d.mortgage;
    if (!terms) throw new Error(`${d._id} has no mortgage terms`);
    const registrationNumber = terms.registrationNumber ?? mortgageNumber(d._id);
    return {
      noteVi: `Đã đăng ký thế chấp quyền sử dụng đất cho ${terms.mortgagee}, số đăng ký ${registrationNumber}; xác nhận trên Giấy chứng nhận số ${d.certificate.serial}`,
      set: { mortgage: { ...terms, registrationNumber } },
      emit: [
        emission(Topics.MortgageRegistered, {
          dossierCode: d._id,
          parcel: d.parcel.ref,
          registrationNumber,
          mortgagee: terms.mortgagee,
          registeredAt: at.toISOString(),
        }),
      ],
    };
  },
};
