import { Topics } from '@lien-thong/contracts';
import { emission } from '../../workflow/transition';
import { ProcedureSteps } from '../procedure-steps';

/**
 * Deregistration of a mortgage the land office registered (Decree 99/2022), settled like the
 * registration: nothing in the registry stops freeing a parcel of a mortgage.
 */
export const MORTGAGE_RELEASE_STEPS: ProcedureSteps = {
  key: 'MORTGAGE_RELEASE',
  nameVi: 'Xóa đăng ký thế chấp quyền sử dụng đất',
  afterReceiptCheck: 'REVIEW',
  blocks: () => null,
  registration: (d, at) => {
    const terms = d.mortgageRelease;
    if (!terms) throw new Error(`${d._id} has no mortgage to release`);
    return {
      noteVi: `Đã xóa đăng ký thế chấp số ${terms.registrationNumber} (${terms.mortgagee}); xác nhận trên Giấy chứng nhận số ${d.certificate.serial}`,
      emit: [
        emission(Topics.MortgageReleased, {
          dossierCode: d._id,
          parcel: d.parcel.ref,
          registrationNumber: terms.registrationNumber,
          releasedAt: at.toISOString(),
        }),
      ],
    };
  },
};
