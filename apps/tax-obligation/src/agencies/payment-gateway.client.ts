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

  order(orderId: string): Promise<PaymentOrderResponse> {
    return this.agencies.get('payment-gateway').call<PaymentOrderResponse>({
      method: 'GET',
      path: PAYMENT_GATEWAY_API.order(orderId),
      idempotent: true,
    });
  }
}
