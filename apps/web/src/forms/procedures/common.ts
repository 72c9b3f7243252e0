import type { FieldSpec, FormSection, Option, ParcelRecord } from '../form-spec';

const options = (labels: Record<string, string>): Option[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Family relationships the tax exemptions turn on (Law 04/2007/QH12 as amended, Art. 4). */
export const RELATIONSHIP_OPTIONS = options({
  NONE: 'Không có quan hệ gia đình',
  SPOUSE: 'Vợ, chồng',
  PARENT_CHILD: 'Cha đẻ, mẹ đẻ với con đẻ',
  ADOPTIVE_PARENT_CHILD: 'Cha nuôi, mẹ nuôi với con nuôi',
  PARENT_IN_LAW_CHILD_IN_LAW: 'Cha, mẹ chồng (vợ) với con dâu (rể)',
  GRANDPARENT_GRANDCHILD: 'Ông bà với cháu nội, cháu ngoại',
  SIBLING: 'Anh, chị, em ruột',
});

/** A person as the intake asks them: name, citizen ID, address. */
export const PERSON_FIELDS: FieldSpec[] = [
  { name: 'fullName', labelVi: 'Họ và tên', kind: 'text', required: true, autoComplete: 'off' },
  { name: 'citizenId', labelVi: 'Số định danh cá nhân (CCCD)', kind: 'citizenId', required: true },
  { name: 'address', labelVi: 'Địa chỉ thường trú', kind: 'text', required: true },
];

/** The parcel and the certificate presented, checked against the cadastral book. */
export const PARCEL_SECTION: FormSection = {
  kind: 'group',
  key: 'parcel',
  titleVi: 'Thửa đất và giấy chứng nhận',
  descriptionVi: 'Nhập mã xã, số tờ, số thửa để tra sổ địa chính.',
  fields: [
    { name: 'parcel.communeCode', labelVi: 'Mã xã/phường', kind: 'text', required: true },
    { name: 'parcel.mapSheetNumber', labelVi: 'Số tờ bản đồ', kind: 'integer', required: true },
    { name: 'parcel.parcelNumber', labelVi: 'Số thửa', kind: 'integer', required: true },
    {
      name: 'certificateSerial',
      labelVi: 'Số seri giấy chứng nhận',
      kind: 'text',
      required: true,
    },
  ],
};

/** Errors on the parcel as a whole (not in the book, an unfinished dossier) shown on its number. */
export const PARCEL_ALIASES: Record<string, string> = {
  parcel: 'parcel.parcelNumber',
};

export const APPLICANT_SECTION: FormSection = {
  kind: 'group',
  key: 'applicant',
  titleVi: 'Người nộp hồ sơ',
  descriptionVi: 'Cần số điện thoại hoặc thư điện tử để nhận thông báo.',
  fields: [
    { name: 'applicant.fullName', labelVi: 'Họ và tên', kind: 'text', required: true },
    { name: 'applicant.phone', labelVi: 'Số điện thoại', kind: 'phone' },
    { name: 'applicant.email', labelVi: 'Thư điện tử', kind: 'email' },
  ],
};

export const DELIVERY_SECTION: FormSection = {
  kind: 'group',
  key: 'delivery',
  titleVi: 'Nhận kết quả',
  fields: [
    {
      name: 'resultDelivery',
      labelVi: 'Hình thức nhận kết quả',
      kind: 'select',
      required: true,
      options: options({
        COUNTER: 'Tại Bộ phận Một cửa',
        POST: 'Qua dịch vụ bưu chính công ích',
      }),
    },
    {
      name: 'postalAddress',
      labelVi: 'Địa chỉ nhận qua bưu chính',
      kind: 'text',
      helpVi: 'Chỉ khi nhận kết quả qua bưu chính',
    },
  ],
};

/** What every procedure starts with. */
export const COMMON_INITIAL_VALUES = { resultDelivery: 'COUNTER' };

/** The certificate presented, from the parcel's record. */
export function certificateOf(parcel: ParcelRecord) {
  return { certificateSerial: parcel.certificate.serial };
}

/** The certificate's holders, as people of the form. */
export function holdersOf(parcel: ParcelRecord) {
  return parcel.owners.map((o) => ({
    fullName: o.fullName,
    citizenId: o.citizenId,
    address: o.address,
  }));
}

export { options };
