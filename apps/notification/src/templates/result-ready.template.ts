import type { DossierRegisteredV1 } from '@lien-thong/contracts';
import { emailBody, formatDate, smsAround } from './format';
import { procedureWording } from './procedure-wording';
import { RenderedMessage, TemplateContext } from './template';

function whereVi(payload: DossierRegisteredV1): { sms: string; email: string } {
  switch (payload.resultDelivery) {
    case 'COUNTER':
      return {
        sms: 'Mời ông/bà nhận kết quả tại ',
        email: `Mời ông/bà nhận kết quả tại ${payload.collectAtVi}, mang theo giấy tiếp nhận hồ sơ và căn cước công dân.`,
      };
    case 'POST':
      return {
        sms: 'Kết quả được gửi qua bưu chính công ích đến ',
        email: `Kết quả được gửi qua dịch vụ bưu chính công ích đến địa chỉ: ${payload.collectAtVi}.`,
      };
  }
}

/**
 * The procedure is done: what was recorded (a mortgage on the parcel, its release, the new
 * land-use purpose, the house on the certificate), and where the result is: at the counter
 * or on its way by post.
 */
export function resultReady(
  payload: DossierRegisteredV1,
  context: TemplateContext,
): RenderedMessage {
  const code = context.dossierCode;
  const doneOn = formatDate(payload.registeredAt);
  const where = whereVi(payload);
  const procedure = procedureWording(payload.procedure);
  const done = procedure.doneSmsVi ? `: ${procedure.doneSmsVi}` : '';
  return {
    template: 'RESULT_READY',
    sms: smsAround(
      `Hồ sơ ${code} đã giải quyết xong ngày ${doneOn}${done}. ${where.sms}`,
      payload.collectAtVi,
      '.',
    ),
    email: {
      subject: `Hồ sơ ${code} đã có kết quả`,
      body: emailBody(context, [
        `Hồ sơ ${code} của ông/bà ${procedure.doneEmailVi(doneOn)}`,
        where.email,
      ]),
    },
  };
}
