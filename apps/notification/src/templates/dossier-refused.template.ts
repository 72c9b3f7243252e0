import type { DossierRefusedV1 } from '@lien-thong/contracts';
import { emailBody, smsAround } from './format';
import { RenderedMessage, TemplateContext } from './template';

/** Refusal with its reason (form 03, Circular 01/2018/TT-VPCP): a citizen must learn why. */
export function dossierRefused(
  payload: DossierRefusedV1,
  context: TemplateContext,
): RenderedMessage {
  const code = context.dossierCode;
  return {
    template: 'DOSSIER_REFUSED',
    sms: smsAround(
      `Hồ sơ ${code} không được giải quyết. Lý do: `,
      payload.reasonVi,
      '. Chi tiết xin xem thư điện tử hoặc liên hệ bộ phận một cửa.',
    ),
    email: {
      subject: `Thông báo từ chối giải quyết hồ sơ ${code}`,
      body: emailBody(context, [
        `Văn phòng đăng ký đất đai rất tiếc phải thông báo: hồ sơ ${code} của ông/bà không được giải quyết.`,
        `Lý do: ${payload.reasonVi.trim()} (mã ${payload.reasonCode}).`,
        'Ông/bà có thể liên hệ bộ phận một cửa để được hướng dẫn, hoặc khiếu nại theo quy định của pháp luật.',
      ]),
    },
  };
}
