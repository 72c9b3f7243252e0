import { DomainException } from '@lien-thong/platform';

export const PaymentErrorCode = {
  ORDER_NOT_FOUND: 'PAYMENT.ORDER_NOT_FOUND',
  NOT_PAYABLE: 'PAYMENT.NOT_PAYABLE',
  AMOUNT_MISMATCH: 'PAYMENT.AMOUNT_MISMATCH',
  NOT_CONFIRMED: 'PAYMENT.NOT_CONFIRMED',
  GATEWAY_UNAVAILABLE: 'PAYMENT.GATEWAY_UNAVAILABLE',
} as const;

export class PaymentException extends DomainException {}

export function orderNotFound(orderId: string): PaymentException {
  return new PaymentException(
    PaymentErrorCode.ORDER_NOT_FOUND,
    'Không tìm thấy nghĩa vụ tài chính ứng với lệnh thanh toán này',
    404,
    { orderId },
  );
}

export function notPayable(orderId: string): PaymentException {
  return new PaymentException(
    PaymentErrorCode.NOT_PAYABLE,
    'Phiếu chuyển thông tin đã bị trả lại, không có khoản nào phải nộp theo lệnh này',
    409,
    { orderId },
  );
}

export function amountMismatch(
  orderId: string,
  expectedVnd: number,
  paidVnd: number,
): PaymentException {
  return new PaymentException(
    PaymentErrorCode.AMOUNT_MISMATCH,
    'Số tiền đã thanh toán không khớp với tổng số tiền trên thông báo nộp tiền',
    422,
    { orderId, expectedVnd, paidVnd },
  );
}

export function notConfirmed(orderId: string): PaymentException {
  return new PaymentException(
    PaymentErrorCode.NOT_CONFIRMED,
    'Cổng thanh toán không xác nhận giao dịch này',
    422,
    { orderId },
  );
}

/** 503 makes the gateway deliver its callback again later. */
export function gatewayUnavailable(orderId: string): PaymentException {
  return new PaymentException(
    PaymentErrorCode.GATEWAY_UNAVAILABLE,
    'Chưa đối soát được với cổng thanh toán, vui lòng gửi lại sau',
    503,
    { orderId },
  );
}
