import type { ProcedureFormSpec } from '../form-spec';
import {
  APPLICANT_SECTION,
  certificateOf,
  COMMON_INITIAL_VALUES,
  DELIVERY_SECTION,
  options,
  PARCEL_ALIASES,
  PARCEL_SECTION,
} from './common';

/**
 * Registration of a house (or another work) on land whose certificate the holders present
 * (POST /dossiers/house-registrations). Whether it needed a permit is the construction
 * authority's to confirm; the form takes the permit, or the reason there is none.
 */
export const HOUSE_REGISTRATION_FORM: ProcedureFormSpec = {
  key: 'HOUSE_REGISTRATION',
  titleVi: 'Đăng ký tài sản gắn liền với đất (nhà ở)',
  route: '/dossiers/house-registrations',
  sections: [
    PARCEL_SECTION,
    {
      kind: 'group',
      key: 'house',
      titleVi: 'Nhà ở, công trình',
      fields: [
        {
          name: 'house.kind',
          labelVi: 'Loại tài sản',
          kind: 'select',
          required: true,
          options: options({
            DETACHED_HOUSE: 'Nhà ở riêng lẻ',
            APARTMENT: 'Căn hộ chung cư',
            OTHER_WORK: 'Công trình xây dựng khác',
          }),
        },
        {
          // Grades of Circular 06/2021/TT-BXD; the grade sets the new-build price per m².
          name: 'house.grade',
          labelVi: 'Cấp nhà',
          kind: 'select',
          required: true,
          options: options({ I: 'Cấp I', II: 'Cấp II', III: 'Cấp III', IV: 'Cấp IV' }),
        },
        {
          name: 'house.floorAreaTenthsM2',
          labelVi: 'Tổng diện tích sàn',
          kind: 'areaM2',
          required: true,
          helpVi: 'Mét vuông, phần thập phân sau dấu phẩy (ví dụ 120,5)',
        },
        { name: 'house.floors', labelVi: 'Số tầng', kind: 'integer', required: true },
        { name: 'house.builtYear', labelVi: 'Năm xây dựng', kind: 'integer', required: true },
      ],
    },
    {
      kind: 'group',
      key: 'permit',
      titleVi: 'Giấy phép xây dựng',
      descriptionVi: 'Nhập giấy phép xây dựng, hoặc lý do được miễn giấy phép nếu không có.',
      fields: [
        { name: 'house.permit.number', labelVi: 'Số giấy phép', kind: 'text' },
        { name: 'house.permit.issuedOn', labelVi: 'Ngày cấp phép', kind: 'date' },
        { name: 'house.permit.authority', labelVi: 'Cơ quan cấp phép', kind: 'text' },
        {
          name: 'house.permitExemptionVi',
          labelVi: 'Lý do được miễn giấy phép',
          kind: 'textarea',
        },
      ],
    },
    {
      kind: 'group',
      key: 'completionAcceptance',
      titleVi: 'Nghiệm thu hoàn thành (nếu phải có)',
      fields: [
        { name: 'house.completionAcceptance.number', labelVi: 'Số biên bản', kind: 'text' },
        { name: 'house.completionAcceptance.date', labelVi: 'Ngày nghiệm thu', kind: 'date' },
      ],
    },
    APPLICANT_SECTION,
    DELIVERY_SECTION,
  ],
  initialValues: { ...COMMON_INITIAL_VALUES, house: { kind: 'DETACHED_HOUSE' } },
  errorAliases: PARCEL_ALIASES,
  fillFromParcel: certificateOf,
};
