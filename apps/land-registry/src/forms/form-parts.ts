import { DomainException } from '@lien-thong/platform';
import type { Dossier, Holder } from '../dossiers/dossier';
import { stepsOf } from '../procedures';
import { HOLDER_VI } from '../workflow/transition';

/**
 * The printable forms; the first four are those of Circular 01/2018/TT-VPCP (Article 10 ff.),
 * then the tax authority's notice and the result notice once the change is registered.
 */
export const FORMS = [
  'receipt',
  'supplement-request',
  'refusal',
  'apology',
  'tax-notice',
  'result',
] as const;
export type FormKind = (typeof FORMS)[number];

export interface FormContent {
  kind: FormKind;
  /** "VPDKHN-261123-0001/01": the dossier code and the form's number. */
  number: string;
  titleVi: string;
  /** The form's legal model, printed under the title. */
  modelVi: string;
  lines: [label: string, value: string][];
  /** A paragraph under the lines (a reason, an apology). */
  paragraphVi?: string;
  /** Who signs: the officer the dossier names for this step, or the office. */
  signerVi: string;
  fileNameVi: string;
}

export const CIRCULAR = 'ban hành kèm theo Thông tư số 01/2018/TT-VPCP của Văn phòng Chính phủ';
export const OFFICE = 'Văn phòng đăng ký đất đai';
export const date = (d: Date | string) =>
  new Date(d).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
export const vnd = (n: number) => `${n.toLocaleString('vi-VN')} đồng`;

export function notApplicable(kind: FormKind, whyVi: string): never {
  throw new DomainException('FORM.NOT_APPLICABLE', `Chưa thể in mẫu này: ${whyVi}`, 409, {
    form: kind,
  });
}

/** The person a timeline entry names, or the office/agency when a system wrote it. */
export function signer(actor: string | undefined, d: Dossier): string {
  if (!actor || actor === 'land-registry') return `${OFFICE} (${d.unit})`;
  return HOLDER_VI[actor as Holder] || actor;
}

export const lastStep = (d: Dossier, ...steps: string[]) =>
  [...d.timeline].reverse().find((t) => steps.includes(t.step));

export function common(d: Dossier): [string, string][] {
  const { communeCode, mapSheetNumber, parcelNumber } = d.parcel.ref;
  return [
    ['Mã hồ sơ', d._id],
    ['Thủ tục', stepsOf(d).nameVi],
    ['Người nộp hồ sơ', d.applicant.fullName],
    ['Thửa đất', `Thửa số ${parcelNumber}, tờ bản đồ số ${mapSheetNumber}, xã ${communeCode}`],
    ['Địa chỉ thửa đất', d.parcel.address],
  ];
}
