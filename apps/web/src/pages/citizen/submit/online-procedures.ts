import {
  actorAsPerson,
  APPLICANT_SECTION,
  applicantDefaults,
  OnlineProcedure,
  PARCEL_SECTION,
  PERSON_FIELDS,
  RELATIONSHIP_OPTIONS,
} from './field-specs';

/** apps/land-registry/src/intake/dto/submit-transfer.dto.ts */
const TRANSFER: OnlineProcedure = {
  key: 'TRANSFER',
  titleVi: 'Chuyển nhượng, tặng cho quyền sử dụng đất',
  route: 'transfers',
  sections: [
    PARCEL_SECTION,
    {
      titleVi: 'Hợp đồng',
      fields: [
        {
          name: 'transferKind',
          labelVi: 'Loại giao dịch',
          kind: 'select',
          required: true,
          options: [
            { value: 'SALE', labelVi: 'Chuyển nhượng (mua bán)' },
            { value: 'GIFT', labelVi: 'Tặng cho' },
            { value: 'INHERITANCE', labelVi: 'Thừa kế' },
            { value: 'DIVORCE_DIVISION', labelVi: 'Chia tài sản khi ly hôn' },
          ],
        },
        { name: 'contractDate', labelVi: 'Ngày công chứng hợp đồng', kind: 'date', required: true },
        {
          name: 'declaredPriceVnd',
          labelVi: 'Giá ghi trên hợp đồng (đồng)',
          kind: 'money',
          extraVi: 'Để trống khi tặng cho, thừa kế',
        },
      ],
    },
    {
      titleVi: 'Bên chuyển nhượng (người có tên trên Giấy chứng nhận)',
      list: {
        name: 'sellers',
        itemVi: 'Bên chuyển nhượng',
        addVi: 'Thêm bên chuyển nhượng',
        max: 20,
      },
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
          labelVi: 'Có nhà ở, đất ở khác (để xét miễn thuế nhà ở duy nhất)',
          kind: 'checkbox',
        },
      ],
    },
    {
      titleVi: 'Bên nhận chuyển nhượng',
      list: { name: 'buyers', itemVi: 'Bên nhận chuyển nhượng', addVi: 'Thêm bên nhận', max: 20 },
      fields: PERSON_FIELDS,
    },
    APPLICANT_SECTION,
  ],
  initialValues: (actor) => ({
    ...applicantDefaults(actor),
    transferKind: 'SALE',
    sellers: [{ relationshipToBuyer: 'NONE' }],
    buyers: [actorAsPerson(actor)],
  }),
};

/** apps/land-registry/src/procedures/inheritance/inheritance.dto.ts */
const INHERITANCE: OnlineProcedure = {
  key: 'INHERITANCE',
  titleVi: 'Đăng ký biến động do nhận thừa kế',
  route: 'inheritances',
  sections: [
    PARCEL_SECTION,
    {
      titleVi: 'Người để lại di sản',
      list: { name: 'deceased', itemVi: 'Người để lại di sản', addVi: 'Thêm người', max: 20 },
      fields: PERSON_FIELDS,
    },
    {
      titleVi: 'Căn cứ phân chia di sản',
      fields: [
        { name: 'deceasedOn', labelVi: 'Ngày mở thừa kế', kind: 'date', required: true },
        {
          name: 'basis.kind',
          labelVi: 'Loại văn bản',
          kind: 'select',
          required: true,
          options: [
            { value: 'AGREEMENT', labelVi: 'Văn bản thỏa thuận phân chia di sản (đã công chứng)' },
            { value: 'COURT_DECISION', labelVi: 'Bản án, quyết định của Tòa án' },
          ],
        },
        { name: 'basis.number', labelVi: 'Số văn bản', kind: 'text', required: true },
        { name: 'basis.date', labelVi: 'Ngày lập văn bản', kind: 'date', required: true },
        { name: 'basis.issuedBy', labelVi: 'Nơi lập văn bản', kind: 'text', required: true },
      ],
    },
    {
      titleVi: 'Người thừa kế',
      list: { name: 'heirs', itemVi: 'Người thừa kế', addVi: 'Thêm người thừa kế', max: 20 },
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
  ],
  initialValues: (actor) => ({
    ...applicantDefaults(actor),
    deceased: [{}],
    basis: { kind: 'AGREEMENT' },
    heirs: [{ ...actorAsPerson(actor), shareNumerator: 1, shareDenominator: 1 }],
  }),
};

/** apps/land-registry/src/procedures/mortgage-release/mortgage-release.dto.ts */
const MORTGAGE_RELEASE: OnlineProcedure = {
  key: 'MORTGAGE_RELEASE',
  titleVi: 'Xóa đăng ký thế chấp',
  route: 'mortgage-releases',
  sections: [
    PARCEL_SECTION,
    {
      titleVi: 'Thế chấp cần xóa',
      fields: [
        {
          name: 'registrationNumber',
          labelVi: 'Số đăng ký thế chấp',
          kind: 'text',
          required: true,
          extraVi: 'Dạng TC-…, ghi trên Giấy chứng nhận hoặc văn bản xác nhận đăng ký',
        },
        { name: 'reasonVi', labelVi: 'Lý do xóa đăng ký', kind: 'textarea', required: true },
      ],
    },
    APPLICANT_SECTION,
  ],
  initialValues: (actor) => applicantDefaults(actor),
};

/** The procedures a citizen can submit online, in the order the portal offers them. */
export const ONLINE_PROCEDURES: OnlineProcedure[] = [TRANSFER, INHERITANCE, MORTGAGE_RELEASE];

export function onlineProcedure(key: string): OnlineProcedure | undefined {
  return ONLINE_PROCEDURES.find((p) => p.key === key);
}
