import type { ProcedureFormSpec } from '../form-spec';
import {
  APPLICANT_SECTION,
  certificateOf,
  COMMON_INITIAL_VALUES,
  DELIVERY_SECTION,
  PARCEL_ALIASES,
  PARCEL_SECTION,
} from './common';

/** Deregistration of a mortgage the land office registered (POST /dossiers/mortgage-releases). */
export const MORTGAGE_RELEASE_FORM: ProcedureFormSpec = {
  key: 'MORTGAGE_RELEASE',
  titleVi: 'Xóa đăng ký thế chấp quyền sử dụng đất',
  route: '/dossiers/mortgage-releases',
  sections: [
    PARCEL_SECTION,
    {
      kind: 'group',
      key: 'release',
      titleVi: 'Thế chấp được xóa',
      fields: [
        {
          name: 'registrationNumber',
          labelVi: 'Số đăng ký thế chấp',
          kind: 'text',
          required: true,
          helpVi: 'Dạng TC-<mã hồ sơ đăng ký thế chấp>',
        },
        { name: 'reasonVi', labelVi: 'Lý do xóa đăng ký', kind: 'textarea', required: true },
      ],
    },
    APPLICANT_SECTION,
    DELIVERY_SECTION,
  ],
  initialValues: COMMON_INITIAL_VALUES,
  errorAliases: PARCEL_ALIASES,
  fillFromParcel: certificateOf,
};
