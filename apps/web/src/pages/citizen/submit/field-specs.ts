import type { Actor } from '../../../auth/roles';

/** How a field is entered: each kind is one Ant Design input with its own checks. */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'integer'
  | 'money'
  | 'date'
  | 'select'
  | 'checkbox'
  | 'citizenId'
  | 'phone'
  | 'email';

export interface Option {
  value: string;
  labelVi: string;
}

/**
 * One field of a procedure's form: its path in the request body (dotted, relative to a list
 * item inside a repeated section), its Vietnamese label and how it is entered. The API checks
 * everything again and its messages are shown next to the same fields.
 */
export interface FieldSpec {
  name: string;
  labelVi: string;
  kind: FieldKind;
  required?: boolean;
  options?: readonly Option[];
  extraVi?: string;
}

/** A part of the form; a repeated one (the parties) is a list of items with the same fields. */
export interface SectionSpec {
  titleVi: string;
  list?: { name: string; itemVi: string; addVi: string; max: number };
  fields: FieldSpec[];
}

/**
 * A procedure a citizen submits online: the intake route of the land registry
 * (apps/land-registry/src/intake) and the form. Adding a procedure is adding one of these.
 */
export interface OnlineProcedure {
  key: string;
  titleVi: string;
  /** POST /api/land-registry/dossiers/<route> */
  route: string;
  sections: SectionSpec[];
  /** The logged-in citizen filled in where the procedure needs them as a party. */
  initialValues(actor: Actor | null): Record<string, unknown>;
}

/** The field name as Ant Design's Form takes it: "parcel.parcelNumber" → ['parcel', 'parcelNumber']. */
export function namePath(name: string): (string | number)[] {
  return name.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export const RELATIONSHIP_OPTIONS: readonly Option[] = [
  { value: 'NONE', labelVi: 'Không có quan hệ gia đình' },
  { value: 'SPOUSE', labelVi: 'Vợ, chồng' },
  { value: 'PARENT_CHILD', labelVi: 'Cha đẻ, mẹ đẻ với con đẻ' },
  { value: 'ADOPTIVE_PARENT_CHILD', labelVi: 'Cha nuôi, mẹ nuôi với con nuôi' },
  { value: 'PARENT_IN_LAW_CHILD_IN_LAW', labelVi: 'Cha, mẹ chồng (vợ) với con dâu (rể)' },
  { value: 'GRANDPARENT_GRANDCHILD', labelVi: 'Ông, bà với cháu nội, cháu ngoại' },
  { value: 'SIBLING', labelVi: 'Anh, chị, em ruột' },
];

/** A person named in the form (seller, buyer, heir, deceased): name, ID number, address. */
export const PERSON_FIELDS: FieldSpec[] = [
  { name: 'fullName', labelVi: 'Họ và tên', kind: 'text', required: true },
  { name: 'citizenId', labelVi: 'Số định danh cá nhân', kind: 'citizenId', required: true },
  { name: 'address', labelVi: 'Địa chỉ thường trú', kind: 'text', required: true },
];

/** The parcel and its certificate, as printed on the certificate (Giấy chứng nhận). */
export const PARCEL_SECTION: SectionSpec = {
  titleVi: 'Thửa đất',
  fields: [
    {
      name: 'parcel.communeCode',
      labelVi: 'Mã xã, phường',
      kind: 'text',
      required: true,
      extraVi: '5 chữ số, in trên Giấy chứng nhận',
    },
    { name: 'parcel.mapSheetNumber', labelVi: 'Số tờ bản đồ', kind: 'integer', required: true },
    { name: 'parcel.parcelNumber', labelVi: 'Số thửa', kind: 'integer', required: true },
    {
      name: 'certificateSerial',
      labelVi: 'Số phát hành Giấy chứng nhận',
      kind: 'text',
      required: true,
      extraVi: 'Số seri in trên trang 1 của Giấy chứng nhận, ví dụ CS12000102',
    },
  ],
};

/** Who submits, how to reach them and how they receive the result. */
export const APPLICANT_SECTION: SectionSpec = {
  titleVi: 'Người nộp hồ sơ và cách nhận kết quả',
  fields: [
    { name: 'applicant.fullName', labelVi: 'Họ và tên người nộp', kind: 'text', required: true },
    { name: 'applicant.phone', labelVi: 'Số điện thoại', kind: 'phone', required: true },
    { name: 'applicant.email', labelVi: 'Thư điện tử', kind: 'email' },
    {
      name: 'resultDelivery',
      labelVi: 'Nhận kết quả',
      kind: 'select',
      required: true,
      options: [
        { value: 'COUNTER', labelVi: 'Tại Bộ phận Một cửa' },
        { value: 'POST', labelVi: 'Qua bưu chính công ích' },
      ],
    },
    {
      name: 'postalAddress',
      labelVi: 'Địa chỉ nhận kết quả qua bưu chính',
      kind: 'text',
      extraVi: 'Chỉ cần khi nhận kết quả qua bưu chính',
    },
  ],
};

/** What every online form starts with: the citizen as applicant, the result at the counter. */
export function applicantDefaults(actor: Actor | null): Record<string, unknown> {
  return { applicant: { fullName: actor?.fullName ?? '' }, resultDelivery: 'COUNTER' };
}

/** The citizen as a party of the form (buyer, heir): name and ID number from the login. */
export function actorAsPerson(actor: Actor | null): Record<string, unknown> {
  return { fullName: actor?.fullName ?? '', citizenId: actor?.citizenId ?? '' };
}
