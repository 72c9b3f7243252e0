import type { ObligationsCancelledV1, PaymentRefundedV1 } from '@lien-thong/contracts';
import type { Dossier } from '../dossiers/dossier';
import type { Transition } from './transition';

/**
 * What tax undid after a refusal, a withdrawal or a corrected slip, shown on the dossier's
 * timeline (the dossier's own state does not change: it was already closed, or the new slip
 * revision is on its way).
 */

const WHY_VI: Record<ObligationsCancelledV1['reason'], string> = {
  REFUSED: 'hồ sơ bị từ chối',
  WITHDRAWN: 'hồ sơ đã được rút',
  SUPERSEDED: 'phiếu thông tin đã được sửa, thông báo mới thay thế',
};

export function onObligationsCancelled(d: Dossier, e: ObligationsCancelledV1): Transition {
  const notices = e.voidedNoticeNumbers.length;
  return {
    ...(d.assessment?.assessmentId === e.assessmentId && e.reason === 'SUPERSEDED'
      ? { set: { assessment: null } }
      : {}),
    timeline: [
      {
        at: new Date(e.cancelledAt),
        step: 'OBLIGATIONS_CANCELLED',
        actor: 'tax-obligation',
        noteVi:
          `Cơ quan thuế đã hủy ${notices} thông báo nộp tiền` +
          (e.paymentOrderCancelled ? ' và lệnh thanh toán' : '') +
          ` vì ${WHY_VI[e.reason]}`,
      },
    ],
    emit: [],
  };
}

export function onPaymentRefunded(_d: Dossier, e: PaymentRefundedV1): Transition {
  return {
    timeline: [
      {
        at: new Date(e.refundedAt),
        step: 'PAYMENT_REFUNDED',
        actor: 'tax-obligation',
        noteVi: `Đã hoàn trả ${e.amountVnd.toLocaleString('vi-VN')} đồng cho người nộp (mã hoàn tiền ${e.refundId}) vì ${WHY_VI[e.reason]}`,
      },
    ],
    emit: [],
  };
}
