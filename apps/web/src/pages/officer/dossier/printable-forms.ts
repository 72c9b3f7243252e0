import type { OfficerDossier } from './dossier-api';

/** A printable form of the land registry (GET /dossiers/:code/forms/:kind). */
export interface PrintableForm {
  kind: 'receipt' | 'supplement-request' | 'refusal' | 'apology' | 'tax-notice' | 'result';
  labelVi: string;
}

const hasStep = (d: OfficerDossier, ...steps: string[]) =>
  d.timeline.some((t) => steps.includes(t.step));

/**
 * The forms that apply at the dossier's step, by the rules the server prints them by
 * (apps/land-registry/src/forms: 409 FORM.NOT_APPLICABLE otherwise): the receipt always, the
 * supplement request once one was made, the refusal when refused, the apology when delayed,
 * the tax notice once assessed, the result notice once registered.
 */
export function formsFor(d: OfficerDossier): PrintableForm[] {
  const forms: PrintableForm[] = [{ kind: 'receipt', labelVi: 'Giấy tiếp nhận hồ sơ' }];
  if (hasStep(d, 'SUPPLEMENT_REQUESTED', 'SLIP_RETURNED'))
    forms.push({ kind: 'supplement-request', labelVi: 'Phiếu yêu cầu bổ sung' });
  if (d.refusal) forms.push({ kind: 'refusal', labelVi: 'Phiếu từ chối' });
  if (d.delay) forms.push({ kind: 'apology', labelVi: 'Phiếu xin lỗi, hẹn lại' });
  if (d.assessment) forms.push({ kind: 'tax-notice', labelVi: 'Thông báo nộp tiền' });
  if (d.approval && hasStep(d, 'REGISTERED'))
    forms.push({ kind: 'result', labelVi: 'Thông báo kết quả' });
  return forms;
}
