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

/** Transfer or gift of land-use rights (POST /dossiers/transfers). */
export const TRANSFER_FORM: ProcedureFormSpec = {
  key: 'TRANSFER',
  titleVi: 'Chuyển nhượng, tặng cho quyền sử dụng đất',
  route: '/dossiers/transfers',
  sections: [
    PARCEL_SECTION,
    {
      kind: 'group',
      key: 'contract',
      titleVi: 'Hợp đồng',
      fields: [
        {
          name: 'transferKind',
          labelVi: 'Loại giao dịch',
          kind: 'select',
          required: true,
          options: options({
            SALE: 'Chuyển nhượng',
            GIFT: 'Tặng cho',
            INHERITANCE: 'Thừa kế',
            DIVORCE_DIVISION: 'Chia tài sản khi ly hôn',
          }),
        },
        { name: 'contractDate', labelVi: 'Ngày ký hợp đồng', kind: 'date', required: true },
        { name: 'declaredPriceVnd', labelVi: 'Giá ghi trên hợp đồng (đồng)', kind: 'vnd' },
      ],
    },
    {
      kind: 'list',
      key: 'sellers',
      titleVi: 'Bên chuyển nhượng',
      name: 'sellers',
      itemTitleVi: 'Bên chuyển nhượng',
      min: 1,
      max: 20,
      newItem: { relationshipToBuyer: 'NONE' },
      fields: [
        ...PERSON_FIELDS,
        {
          name: 'relationshipToBuyer',
          labelVi: 'Quan hệ với bên nhận',
          kind: 'select',
          required: true,
          options: RELATIONSHIP_OPTIONS,
        },
        {
          name: 'ownsOtherResidentialProperty',
          labelVi: 'Có nhà ở, đất ở khác',
          kind: 'boolean',
          helpVi: 'Để xét miễn thuế thu nhập khi chuyển nhượng nhà ở, đất ở duy nhất',
        },
      ],
    },
    {
      kind: 'list',
      key: 'buyers',
      titleVi: 'Bên nhận chuyển nhượng',
      name: 'buyers',
      itemTitleVi: 'Bên nhận',
      min: 1,
      max: 20,
      fields: PERSON_FIELDS,
    },
    {
      kind: 'group',
      key: 'mortgageeConsent',
      titleVi: 'Văn bản đồng ý của bên nhận thế chấp (nếu đất đang thế chấp)',
      fields: [
        { name: 'mortgageeConsent.documentNumber', labelVi: 'Số văn bản', kind: 'text' },
        { name: 'mortgageeConsent.signedOn', labelVi: 'Ngày ký', kind: 'date' },
      ],
    },
    APPLICANT_SECTION,
    DELIVERY_SECTION,
  ],
  initialValues: {
    ...COMMON_INITIAL_VALUES,
    transferKind: 'SALE',
    sellers: [{ relationshipToBuyer: 'NONE' }],
    buyers: [{}],
  },
  errorAliases: PARCEL_ALIASES,
  fillFromParcel: (parcel) => ({
    ...certificateOf(parcel),
    sellers: holdersOf(parcel).map((h) => ({ ...h, relationshipToBuyer: 'NONE' })),
  }),
};
