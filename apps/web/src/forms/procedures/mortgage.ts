import type { ProcedureFormSpec } from '../form-spec';
import {
  APPLICANT_SECTION,
  certificateOf,
  COMMON_INITIAL_VALUES,
  DELIVERY_SECTION,
  PARCEL_ALIASES,
  PARCEL_SECTION,
} from './common';

/**
 * Registration of a mortgage of the land-use right (POST /dossiers/mortgages). The holders
 * on the certificate are the mortgagors: the land registry takes them from the book.
 */
export const MORTGAGE_FORM: ProcedureFormSpec = {
  key: 'MORTGAGE',
  titleVi: 'Đăng ký thế chấp quyền sử dụng đất',
  route: '/dossiers/mortgages',
  sections: [
    PARCEL_SECTION,
    {
      kind: 'group',
      key: 'contract',
      titleVi: 'Hợp đồng thế chấp',
      descriptionVi: 'Bên thế chấp là người sử dụng đất ghi trên giấy chứng nhận.',
      fields: [
        {
          name: 'mortgagee',
          labelVi: 'Bên nhận thế chấp',
          kind: 'text',
          required: true,
          helpVi: 'Tên tổ chức tín dụng hoặc người nhận thế chấp',
        },
        { name: 'contractNumber', labelVi: 'Số hợp đồng thế chấp', kind: 'text', required: true },
        { name: 'contractDate', labelVi: 'Ngày ký hợp đồng', kind: 'date', required: true },
        {
          name: 'securedAmountVnd',
          labelVi: 'Giá trị nghĩa vụ được bảo đảm (đồng)',
          kind: 'vnd',
        },
      ],
    },
    APPLICANT_SECTION,
    DELIVERY_SECTION,
  ],
  initialValues: COMMON_INITIAL_VALUES,
  errorAliases: PARCEL_ALIASES,
  fillFromParcel: certificateOf,
};
