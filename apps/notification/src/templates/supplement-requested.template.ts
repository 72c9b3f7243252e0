import type { SupplementRequestedV1 } from '@lien-thong/contracts';
import { emailBody, smsAround } from './format';
import { RenderedMessage, TemplateContext } from './template';

/**
 * Request to supplement (form 02, Circular 01/2018/TT-VPCP). The processing clock stops
 * while the dossier is with the citizen and restarts when it comes back complete.
 */
export function supplementRequested(
  payload: SupplementRequestedV1,
  context: TemplateContext,
): RenderedMessage {
  const code = context.dossierCode;
  return {
    template: 'SUPPLEMENT_REQUESTED',
    sms: smsAround(
      `Hồ sơ ${code} cần bổ sung: `,
      payload.reasonVi,
      '. Thời hạn giải quyết tạm dừng đến khi ông/bà nộp bổ sung tại bộ phận một cửa hoặc trực tuyến.',
    ),
    email: {
      subject: `Đề nghị bổ sung hồ sơ ${code}`,
      body: emailBody(context, [
        `Hồ sơ ${code} của ông/bà cần được bổ sung, hoàn thiện như sau:`,
        payload.reasonVi.trim(),
        'Đề nghị ông/bà nộp bổ sung tại bộ phận một cửa hoặc trực tuyến. Thời hạn giải quyết tạm dừng trong thời gian chờ bổ sung và được tính lại từ khi nhận đủ hồ sơ.',
      ]),
    },
  };
}
