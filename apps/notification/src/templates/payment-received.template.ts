import type { ObligationsPaidV1 } from '@lien-thong/contracts';
import { emailBody, formatDate, formatVnd } from './format';
import { RenderedMessage, TemplateContext } from './template';

/** Confirms the payment (or that nothing was owed); the land office's clock runs again. */
export function paymentReceived(
  payload: ObligationsPaidV1,
  context: TemplateContext,
): RenderedMessage {
  const code = context.dossierCode;
  const paidOn = formatDate(payload.paidAt);
  const nothingOwed = payload.amountVnd === 0;
  const what = nothingOwed
    ? `Hồ sơ ${code} không phải nộp nghĩa vụ tài chính`
    : `Đã nhận ${formatVnd(payload.amountVnd)} nộp nghĩa vụ tài chính cho hồ sơ ${code} ngày ${paidOn} (mã giao dịch ${payload.transactionId})`;
  // Late-payment interest is assessed by the tax authority, not by the land office.
  const late = payload.late
    ? ' Khoản nộp sau hạn; tiền chậm nộp (nếu có) do cơ quan thuế thông báo.'
    : '';
  return {
    template: 'PAYMENT_RECEIVED',
    sms: `${what}. Hồ sơ tiếp tục được giải quyết.${late}`,
    email: {
      subject: nothingOwed
        ? `Hồ sơ ${code} không phải nộp nghĩa vụ tài chính`
        : `Đã nhận tiền nộp nghĩa vụ tài chính hồ sơ ${code}`,
      body: emailBody(context, [
        `${what}.`,
        `Hồ sơ tiếp tục được giải quyết tại Văn phòng đăng ký đất đai.${late}`,
      ]),
    },
  };
}
