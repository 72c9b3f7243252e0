import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainException, SERVICE_CONFIG } from '@lien-thong/platform';
import {
  CreatePaymentOrderRequest,
  PAYMENT_ERRORS,
  PAYMENT_GATEWAY_API,
  PaymentOrderResponse,
} from '@lien-thong/agency-contracts';
import { fingerprint } from '../common/fingerprint';
import { AgencySimulatorsConfig } from '../config/agency-simulators.config';
import { AutoPayService } from './auto-pay.service';
import { PaymentCallbackService } from './payment-callback.service';
import { PaymentGatewayRepository } from './payment-gateway.repository';
import { isCancellation, isPaid, PaymentOrder, statusOf } from './schemas/payment-order.schema';
import { mustExist } from '../common/must-exist';

@Injectable()
export class PaymentGatewayService {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: AgencySimulatorsConfig,
    private readonly repository: PaymentGatewayRepository,
    private readonly callbacks: PaymentCallbackService,
    private readonly autoPay: AutoPayService,
  ) {}

  /** Idempotent by orderId: a retry answers the order as it is now. */
  async create(request: CreatePaymentOrderRequest): Promise<PaymentOrderResponse> {
    assertCallbackAllowed(request.callbackUrl, this.config.CALLBACK_HOSTS);
    const requestHash = fingerprint(request);
    const existing = await this.repository.find(request.orderId);
    if (existing) return this.replay(existing, requestHash);
    const order: PaymentOrder = {
      _id: request.orderId,
      requestHash,
      dossierCode: request.dossierCode,
      noticeNumbers: [...request.noticeNumbers],
      amountVnd: request.amountVnd,
      callbackUrl: request.callbackUrl,
      status: 'PENDING',
      createdAt: new Date().toISOString(),
    };
    if (!(await this.repository.insert(order))) {
      const winner = await this.repository.find(order._id);
      return this.replay(mustExist(winner, `order ${order._id}`), requestHash);
    }
    this.autoPay.schedule(order._id, () => this.pay(order._id));
    return this.toResponse(order);
  }

  async get(orderId: string): Promise<PaymentOrderResponse> {
    return this.toResponse(await this.findOrThrow(orderId));
  }

  /**
   * The citizen paid. Only the call whose transaction is recorded first sends the callback;
   * every other call, concurrent or later, answers that same transaction and sends nothing.
   * A cancelled order cannot be paid (409): the citizen is told at the gateway, not charged.
   */
  async pay(orderId: string, paidAt = new Date().toISOString()): Promise<PaymentOrderResponse> {
    await this.findOrThrow(orderId);
    const candidate = {
      _id: orderId,
      kind: 'PAYMENT' as const,
      transactionId: `SIM-${randomUUID()}`,
      paidAt,
    };
    const { won, settlement, order } = await this.repository.settle(orderId, candidate);
    if (isCancellation(settlement)) throw orderCancelled();
    if (won && isPaid(order)) this.callbacks.deliverInBackground(order);
    return this.toResponse(order);
  }

  /**
   * Cancels an unpaid order: it can no longer be paid. Idempotent (a cancelled order answers
   * as it is); a paid or refunded order answers 409 PAYMENT.ORDER_ALREADY_PAID (refund it).
   */
  async cancel(orderId: string, reason: string): Promise<PaymentOrderResponse> {
    await this.findOrThrow(orderId);
    const candidate = {
      _id: orderId,
      kind: 'CANCELLATION' as const,
      cancelledAt: new Date().toISOString(),
      reason,
    };
    const { settlement, order } = await this.repository.settle(orderId, candidate);
    if (!isCancellation(settlement)) {
      throw new DomainException(
        PAYMENT_ERRORS.ORDER_ALREADY_PAID,
        'Lệnh thanh toán đã được thanh toán nên không hủy được; đề nghị hoàn tiền',
        409,
      );
    }
    return this.toResponse(order);
  }

  /**
   * Refunds a paid order in full, once: a repeat answers the first refund. An order that was
   * never paid answers 409 PAYMENT.ORDER_NOT_PAID.
   */
  async refund(orderId: string, reason: string): Promise<PaymentOrderResponse> {
    const order = await this.findOrThrow(orderId);
    const settlement = await this.repository.settlementOf(orderId);
    if (!settlement || isCancellation(settlement)) throw orderNotPaid();
    const refunded = await this.repository.refund(orderId, {
      _id: orderId,
      refundId: `SIM-RF-${randomUUID()}`,
      amountVnd: order.amountVnd,
      refundedAt: new Date().toISOString(),
      reason,
    });
    return this.toResponse(refunded);
  }

  /** Sends the callback of a paid order again (with its retries), as gateways allow. */
  async redeliverCallback(orderId: string): Promise<PaymentOrderResponse> {
    const order = await this.findOrThrow(orderId);
    if (!isPaid(order)) throw orderNotPaid();
    this.callbacks.deliverInBackground(order);
    return this.toResponse(order);
  }

  payUrl(orderId: string): string {
    const root = this.config.SIMULATORS_PUBLIC_URL ?? `http://127.0.0.1:${this.config.PORT}`;
    const path = `${PAYMENT_GATEWAY_API.simulatorMount}${PAYMENT_GATEWAY_API.payPage(orderId)}`;
    return `${root.replace(/\/+$/, '')}${path}`;
  }

  private async findOrThrow(orderId: string): Promise<PaymentOrder> {
    const order = await this.repository.find(orderId);
    if (!order) {
      throw new DomainException(
        PAYMENT_ERRORS.ORDER_NOT_FOUND,
        'Không tìm thấy lệnh thanh toán với mã đã cho',
        404,
      );
    }
    return order;
  }

  private replay(order: PaymentOrder, requestHash: string): PaymentOrderResponse {
    if (order.requestHash !== requestHash) {
      throw new DomainException(
        PAYMENT_ERRORS.ORDER_ID_REUSED,
        'Mã lệnh thanh toán đã được dùng cho một lệnh khác',
        409,
      );
    }
    return this.toResponse(order);
  }

  private toResponse(order: PaymentOrder): PaymentOrderResponse {
    return {
      orderId: order._id,
      dossierCode: order.dossierCode,
      noticeNumbers: [...order.noticeNumbers],
      amountVnd: order.amountVnd,
      status: statusOf(order),
      payUrl: this.payUrl(order._id),
      createdAt: order.createdAt,
      ...(order.paidAt && { paidAt: order.paidAt }),
      ...(order.transactionId && { transactionId: order.transactionId }),
      ...(order.cancelledAt && { cancelledAt: order.cancelledAt }),
      ...(order.refundId && { refundId: order.refundId }),
      ...(order.refundedAt && { refundedAt: order.refundedAt }),
    };
  }
}

/**
 * The gateway calls back only hosts it was told about (CALLBACK_HOSTS, host:port list;
 * loopback by default), so that an order cannot make it send requests anywhere.
 */
function assertCallbackAllowed(callbackUrl: string, allowed: string | undefined): void {
  const { host, hostname } = new URL(callbackUrl);
  const ok = allowed
    ? allowed.split(',').some((h) => h.trim() === host || h.trim() === hostname)
    : ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
  if (!ok)
    throw new DomainException(
      'PAYMENT.CALLBACK_NOT_ALLOWED',
      'Địa chỉ nhận thông báo thanh toán không nằm trong danh sách cho phép',
      422,
    );
}

function orderNotPaid(): DomainException {
  return new DomainException(
    PAYMENT_ERRORS.ORDER_NOT_PAID,
    'Lệnh thanh toán chưa được thanh toán',
    409,
  );
}

function orderCancelled(): DomainException {
  return new DomainException(
    PAYMENT_ERRORS.ORDER_CANCELLED,
    'Lệnh thanh toán đã bị hủy, không thể thanh toán',
    409,
  );
}
