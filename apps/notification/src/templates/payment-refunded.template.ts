import type { PaymentRefundedV1 } from '@lien-thong/contracts';
import { emailBody, formatDate, formatVnd } from './format';
import { whyCancelledVi } from './closure-wording';
import { RenderedMessage, TemplateContext } from './template';

/** A payment for cancelled obligations went back to the citizen, in full, through the gateway. */
export function paymentRefunded(
  payload: PaymentRefundedV1,
  context: TemplateContext,
): RenderedMessage {
  const code = context.dossierCode;
  const amount = formatVnd(payload.amountVnd);
  const on = formatDate(payload.refundedAt);
  const why = whyCancelledVi(payload.reason);
  return {
    template: 'PAYMENT_REFUNDED',
    sms: `Hồ sơ ${code}: đã hoàn trả ${amount} tiền nộp nghĩa vụ tài chính ngày ${on} (mã hoàn tiền ${payload.refundId}) do ${why}.`,
    email: {
      subject: `Hoàn trả ${amount} tiền nộp nghĩa vụ tài chính hồ sơ ${code}`,
      body: emailBody(context, [
        `Do ${why}, khoản ${amount} ông/bà đã nộp cho hồ sơ ${code} đã được hoàn trả toàn bộ qua cổng thanh toán ngày ${on} (mã hoàn tiền ${payload.refundId}).`,
        'Tiền được trả về phương thức ông/bà đã dùng để thanh toán; thời gian tiền về tài khoản tùy theo ngân hàng.',
      ]),
    },
  };
}
