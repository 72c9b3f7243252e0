import type { ProcedureFormSpec } from '../form-spec';
import { purposeOptions } from '../land-use-purposes';
import {
  APPLICANT_SECTION,
  certificateOf,
  COMMON_INITIAL_VALUES,
  DELIVERY_SECTION,
  PARCEL_ALIASES,
  PARCEL_SECTION,
} from './common';

/**
 * The purposes a household may convert to here: the land registry's TARGET_PURPOSES, those
 * whose land-use levy the rules price (Circular 08/2024/TT-BTNMT codes).
 */
const TARGET_PURPOSES = ['ODT', 'ONT', 'TMD', 'SKC', 'CLN', 'HNK'];

/**
 * Registration of a change of land-use purpose the People's Committee allowed
 * (POST /dossiers/purpose-changes); the current purpose is the book's.
 */
export const PURPOSE_CHANGE_FORM: ProcedureFormSpec = {
  key: 'PURPOSE_CHANGE',
  titleVi: 'Chuyển mục đích sử dụng đất',
  route: '/dossiers/purpose-changes',
  sections: [
    PARCEL_SECTION,
    {
      kind: 'group',
      key: 'decision',
      titleVi: 'Quyết định cho phép chuyển mục đích',
      fields: [
        { name: 'decision.number', labelVi: 'Số quyết định', kind: 'text', required: true },
        { name: 'decision.date', labelVi: 'Ngày quyết định', kind: 'date', required: true },
        {
          name: 'decision.authority',
          labelVi: 'Cơ quan quyết định',
          kind: 'text',
          required: true,
        },
      ],
    },
    {
      kind: 'group',
      key: 'change',
      titleVi: 'Nội dung chuyển mục đích',
      descriptionVi: 'Mục đích hiện tại theo sổ địa chính.',
      fields: [
        {
          name: 'toPurpose',
          labelVi: 'Mục đích sử dụng mới',
          kind: 'select',
          required: true,
          options: purposeOptions(TARGET_PURPOSES),
        },
        {
          name: 'convertedAreaTenthsM2',
          labelVi: 'Diện tích chuyển mục đích',
          kind: 'areaM2',
          required: true,
          helpVi: 'Mét vuông, phần thập phân sau dấu phẩy (ví dụ 120,5)',
        },
        // Both decide whether the levy's reduced tiers apply (Decree 103/2024/NĐ-CP, Art. 8).
        {
          name: 'parcelHasResidentialLand',
          labelVi: 'Thửa đất đã có đất ở',
          kind: 'boolean',
          required: true,
        },
        {
          name: 'householdUsedReducedTiers',
          labelVi: 'Hộ gia đình đã được tính tiền sử dụng đất theo hạn mức',
          kind: 'boolean',
          required: true,
          helpVi: 'Mức thu theo hạn mức chỉ áp dụng một lần cho mỗi hộ gia đình',
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
