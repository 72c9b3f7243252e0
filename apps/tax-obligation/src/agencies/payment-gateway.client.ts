import { Injectable } from '@nestjs/common';
import {
  CreatePaymentOrderRequest,
  PAYMENT_GATEWAY_API,
  PaymentOrderResponse,
} from '@lien-thong/agency-contracts';
import { AgencyClients } from '@lien-thong/resilience';

/** The national portal's payment gateway, through its breaker. */
@Injectable()
export class PaymentGatewayClient {
  constructor(private readonly agencies: AgencyClients) {}

  /** Idempotent by orderId: a retry answers the order already opened, so it is retried. */
  createOrder(request: CreatePaymentOrderRequest): Promise<PaymentOrderResponse> {
    return this.agencies.get('payment-gateway').call<PaymentOrderResponse>({
      method: 'POST',
      path: PAYMENT_GATEWAY_API.orders,
      body: request,
      idempotent: true,
    });
  }

  /** Idempotent; 409 PAYMENT.ORDER_ALREADY_PAID when the citizen paid first. */
  cancelOrder(orderId: string, reason: string): Promise<PaymentOrderResponse> {
    return this.agencies.get('payment-gateway').call<PaymentOrderResponse>({
      method: 'POST',
      path: PAYMENT_GATEWAY_API.cancelOrder(orderId),
      body: { reason },
      idempotent: true,
    });
  }

  /** Idempotent: one refund per order, the whole amount; a repeat answers the first refund. */
  refundOrder(orderId: string, reason: string): Promise<PaymentOrderResponse> {
    return this.agencies.get('payment-gateway').call<PaymentOrderResponse>({
      method: 'POST',
      path: PAYMENT_GATEWAY_API.refundOrder(orderId),
      body: { reason },
      idempotent: true,
    });
  }

  order(orderId: string): Promise<PaymentOrderResponse> {
    return this.agencies.get('payment-gateway').call<PaymentOrderResponse>({
      method: 'GET',
      path: PAYMENT_GATEWAY_API.order(orderId),
      idempotent: true,
    });
  }
}
