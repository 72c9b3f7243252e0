import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsIdempotencyId, IsText, IsTimestamp, IsVnd } from '../common/validation';

/**
 * The national public-service portal's payment gateway. PAYMENT_GATEWAY_URL is the API
 * root (`<simulators>/payments/v1` for the simulator); paths are relative to it.
 */
export const PAYMENT_GATEWAY_API = {
  simulatorMount: '/payments/v1',
  orders: '/orders',
  order: (orderId: string) => `/orders/${encodeURIComponent(orderId)}`,
  /** POST: cancels an unpaid order (idempotent); 409 PAYMENT.ORDER_ALREADY_PAID if it was paid. */
  cancelOrder: (orderId: string) => `/orders/${encodeURIComponent(orderId)}/cancel`,
  /** POST: refunds a paid order in full (idempotent: one refund per order). */
  refundOrder: (orderId: string) => `/orders/${encodeURIComponent(orderId)}/refund`,
  /** The page a citizen opens to pay (the order's payUrl). */
  payPage: (orderId: string) => `/pay/${encodeURIComponent(orderId)}`,
} as const;

/** PENDING → PAID → REFUNDED, or PENDING → CANCELLED (a cancelled order can no longer be paid). */
export const PAYMENT_ORDER_STATUSES = ['PENDING', 'PAID', 'CANCELLED', 'REFUNDED'] as const;
export type PaymentOrderStatus = (typeof PAYMENT_ORDER_STATUSES)[number];

export const PAYMENT_ERRORS = {
  ORDER_NOT_FOUND: 'PAYMENT.ORDER_NOT_FOUND',
  /** 409: the orderId was already used for a different order. */
  ORDER_ID_REUSED: 'PAYMENT.ORDER_ID_REUSED',
  /** 409: a callback can only be redelivered, and a refund made, for a paid order. */
  ORDER_NOT_PAID: 'PAYMENT.ORDER_NOT_PAID',
  /** 409: the order was paid (or refunded), so it cannot be cancelled: refund it instead. */
  ORDER_ALREADY_PAID: 'PAYMENT.ORDER_ALREADY_PAID',
  /** 409: the order was cancelled and can no longer be paid. */
  ORDER_CANCELLED: 'PAYMENT.ORDER_CANCELLED',
} as const;

const CALLBACK_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

export class CreatePaymentOrderRequest {
  @IsIdempotencyId()
  orderId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  dossierCode!: string;

  /** The tax notices this order pays (from the e-tax filing). */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  noticeNumbers!: string[];

  @IsVnd(1)
  amountVnd!: number;

  /** Where the gateway POSTs a PaymentCallback once the citizen has paid. */
  @IsUrl(CALLBACK_URL, { message: 'Địa chỉ nhận kết quả thanh toán phải là URL http(s)' })
  callbackUrl!: string;
}

export class PaymentOrderResponse {
  @IsIdempotencyId()
  orderId!: string;

  @IsString()
  dossierCode!: string;

  @IsArray()
  @IsString({ each: true })
  noticeNumbers!: string[];

  @IsVnd(1)
  amountVnd!: number;

  @IsIn(PAYMENT_ORDER_STATUSES)
  status!: PaymentOrderStatus;

  @IsString()
  payUrl!: string;

  @IsTimestamp()
  createdAt!: string;

  @IsOptional()
  @IsTimestamp()
  paidAt?: string;

  @IsOptional()
  @IsString()
  transactionId?: string;

  @IsOptional()
  @IsTimestamp()
  cancelledAt?: string;

  /** The gateway's reference of the refund (status REFUNDED); the whole amount is refunded. */
  @IsOptional()
  @IsString()
  refundId?: string;

  @IsOptional()
  @IsTimestamp()
  refundedAt?: string;
}

/** Why an order is cancelled or refunded (recorded with the first call; repeats change nothing). */
export class OrderReversalRequest {
  @IsText(500)
  @IsNotEmpty()
  reason!: string;
}

/**
 * What the gateway POSTs to the order's callbackUrl when it is paid. It may arrive more than
 * once (retries after a failed delivery, or a redelivery): transactionId identifies it.
 */
export class PaymentCallback {
  @IsIdempotencyId()
  orderId!: string;

  @IsIn(['PAID'])
  status!: 'PAID';

  @IsVnd(1)
  amountVnd!: number;

  @IsTimestamp()
  paidAt!: string;

  @IsString()
  @IsNotEmpty()
  transactionId!: string;
}

/** Simulator admin: the citizen paid. paidAt in the past or future simulates a late payment. */
export class PayOrderRequest {
  @IsOptional()
  @IsTimestamp()
  paidAt?: string;
}

/** Simulator admin: pay every new order after delayMs; null switches auto-pay off. */
export class AutoPaySetting {
  @ValidateIf((setting: AutoPaySetting) => setting.delayMs !== null)
  @IsInt()
  @Min(0)
  delayMs!: number | null;
}
