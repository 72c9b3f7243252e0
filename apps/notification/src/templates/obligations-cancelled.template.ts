import type { ObligationsCancelledV1 } from '@lien-thong/contracts';
import { emailBody } from './format';
import { whyCancelledVi } from './closure-wording';
import { RenderedMessage, TemplateContext } from './template';

/**
 * The payment notices were voided with the tax authority: the citizen must not pay them. For
 * a corrected slip, new notices follow; a payment already made is refunded (its own message).
 */
export function obligationsCancelled(
  payload: ObligationsCancelledV1,
  context: TemplateContext,
): RenderedMessage {
  const code = context.dossierCode;
  const why = whyCancelledVi(payload.reason);
  const next =
    payload.reason === 'SUPERSEDED'
      ? 'Ông/bà chỉ nộp theo thông báo mới.'
      : payload.paymentOrderCancelled
        ? 'Ông/bà không phải nộp các khoản này.'
        : 'Khoản đã nộp (nếu có) được hoàn trả qua cổng thanh toán.';
  const numbers = payload.voidedNoticeNumbers;
  return {
    template: 'OBLIGATIONS_CANCELLED',
    sms: `Hồ sơ ${code}: thông báo nộp nghĩa vụ tài chính đã được hủy do ${why}. ${next}`,
    email: {
      subject: `Hủy thông báo nộp nghĩa vụ tài chính hồ sơ ${code}`,
      body: emailBody(context, [
        `Do ${why}, cơ quan thuế đã hủy ${numbers.length > 0 ? `các thông báo nộp tiền số ${numbers.join(', ')}` : 'các thông báo nộp tiền'} của hồ sơ ${code}.`,
        next,
      ]),
    },
  };
}
