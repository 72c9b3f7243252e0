import type { ProcedureFormSpec } from '../form-spec';
import {
  APPLICANT_SECTION,
  certificateOf,
  COMMON_INITIAL_VALUES,
  DELIVERY_SECTION,
  holdersOf,
  options,
  PARCEL_ALIASES,
  PARCEL_SECTION,
  PERSON_FIELDS,
  RELATIONSHIP_OPTIONS,
} from './common';

/** Registration of a change by inheritance (POST /dossiers/inheritances). */
export const INHERITANCE_FORM: ProcedureFormSpec = {
  key: 'INHERITANCE',
  titleVi: 'Đăng ký biến động do nhận thừa kế',
  route: '/dossiers/inheritances',
  sections: [
    PARCEL_SECTION,
    {
      kind: 'list',
      key: 'deceased',
      titleVi: 'Người để lại di sản',
      name: 'deceased',
      itemTitleVi: 'Người để lại di sản',
      min: 1,
      max: 20,
      fields: PERSON_FIELDS,
    },
    {
      kind: 'group',
      key: 'basis',
      titleVi: 'Căn cứ phân chia di sản',
      fields: [
        { name: 'deceasedOn', labelVi: 'Ngày mở thừa kế', kind: 'date', required: true },
        {
          name: 'basis.kind',
          labelVi: 'Loại văn bản',
          kind: 'select',
          required: true,
          options: options({
            AGREEMENT: 'Văn bản thỏa thuận phân chia di sản (đã công chứng)',
            COURT_DECISION: 'Bản án, quyết định của Tòa án',
          }),
        },
        { name: 'basis.number', labelVi: 'Số văn bản', kind: 'text', required: true },
        { name: 'basis.date', labelVi: 'Ngày lập văn bản', kind: 'date', required: true },
        { name: 'basis.issuedBy', labelVi: 'Nơi lập văn bản', kind: 'text', required: true },
      ],
    },
    {
      kind: 'list',
      key: 'heirs',
      titleVi: 'Người thừa kế',
      name: 'heirs',
      itemTitleVi: 'Người thừa kế',
      min: 1,
      max: 20,
      newItem: { relationshipToDeceased: 'PARENT_CHILD' },
      fields: [
        ...PERSON_FIELDS,
        {
          name: 'shareNumerator',
          labelVi: 'Phần được hưởng: tử số',
          kind: 'integer',
          required: true,
        },
        {
          name: 'shareDenominator',
          labelVi: 'Phần được hưởng: mẫu số',
          kind: 'integer',
          required: true,
        },
        {
          name: 'relationshipToDeceased',
          labelVi: 'Quan hệ với người để lại di sản',
          kind: 'select',
          required: true,
          options: RELATIONSHIP_OPTIONS,
        },
      ],
    },
    APPLICANT_SECTION,
    DELIVERY_SECTION,
  ],
  initialValues: {
    ...COMMON_INITIAL_VALUES,
    basis: { kind: 'AGREEMENT' },
    deceased: [{}],
    heirs: [{ relationshipToDeceased: 'PARENT_CHILD', shareNumerator: 1, shareDenominator: 1 }],
  },
  errorAliases: PARCEL_ALIASES,
  fillFromParcel: (parcel) => ({ ...certificateOf(parcel), deceased: holdersOf(parcel) }),
};
