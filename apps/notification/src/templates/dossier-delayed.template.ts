import type { DossierDelayedV1 } from '@lien-thong/contracts';
import { emailBody, formatDate, smsAround } from './format';
import { RenderedMessage, TemplateContext } from './template';

/**
 * Apology and new appointment (form 04, Circular 01/2018/TT-VPCP), sent before the old
 * date passes; the date may be reset only once.
 */
export function dossierDelayed(
  payload: DossierDelayedV1,
  context: TemplateContext,
): RenderedMessage {
  const code = context.dossierCode;
  const previousOn = formatDate(payload.previousAppointmentAt);
  const newOn = formatDate(payload.newAppointmentAt);
  return {
    template: 'DOSSIER_DELAYED',
    sms: smsAround(
      `Xin lỗi ông/bà: hồ sơ ${code} chưa thể trả kết quả ngày ${previousOn}. Lý do: `,
      payload.reasonVi,
      `. Hẹn trả kết quả mới: ngày ${newOn}.`,
    ),
    email: {
      subject: `Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${code}`,
      body: emailBody(context, [
        `Văn phòng đăng ký đất đai xin lỗi ông/bà vì hồ sơ ${code} chưa thể trả kết quả đúng hẹn ngày ${previousOn}.`,
        `Lý do: ${payload.reasonVi.trim()}`,
        `Ngày hẹn trả kết quả mới: ${newOn}. Mong ông/bà thông cảm.`,
      ]),
    },
  };
}
