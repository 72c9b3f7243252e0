import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { SERVICE_CONFIG } from '@lien-thong/platform';
import type { PaymentCallback } from '@lien-thong/agency-contracts';
import { OutboundHttp } from '../common/outbound-http';
import { AgencySimulatorsConfig } from '../config/agency-simulators.config';
import { PaymentGatewayRepository } from './payment-gateway.repository';
import { PaidOrder } from './schemas/payment-order.schema';

/** Wait before retry n (1-based): the base doubling each time. */
export function callbackBackoffMs(baseMs: number, retry: number): number {
  return baseMs * 2 ** (retry - 1);
}

/**
 * Delivers "paid" to the order's callbackUrl: retried with backoff until a 2xx answer, as
 * payment gateways do with their IPN. Every attempt is recorded, and deliveries cut short by
 * a restart resume at boot, so a payment is never left untold.
 */
@Injectable()
export class PaymentCallbackService implements OnApplicationBootstrap {
  private readonly logger = new Logger(PaymentCallbackService.name);

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: AgencySimulatorsConfig,
    private readonly repository: PaymentGatewayRepository,
    private readonly http: OutboundHttp,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const pending = await this.repository.findUndeliveredCallbacks(
      this.config.PAYMENT_CALLBACK_ATTEMPTS,
    );
    for (const order of pending) this.deliverInBackground(order, order.callbackAttempts ?? 0);
  }

  /** Starts delivery without making the caller wait; `alreadyTried` counts earlier attempts. */
  deliverInBackground(order: PaidOrder, alreadyTried = 0): void {
    void this.deliver(order, alreadyTried).catch((error: unknown) => {
      if (!this.http.stopping.aborted) {
        this.logger.error(`callback of order ${order._id} stopped: ${String(error)}`);
      }
    });
  }

  private async deliver(order: PaidOrder, alreadyTried: number): Promise<void> {
    const body: PaymentCallback = {
      orderId: order._id,
      status: 'PAID',
      amountVnd: order.amountVnd,
      paidAt: order.paidAt,
      transactionId: order.transactionId,
    };
    const attempts = this.config.PAYMENT_CALLBACK_ATTEMPTS;
    for (let attempt = alreadyTried + 1; attempt <= attempts; attempt++) {
      if (attempt > alreadyTried + 1) {
        const wait = callbackBackoffMs(this.config.PAYMENT_CALLBACK_BACKOFF_MS, attempt - 1);
        await sleep(wait, undefined, { signal: this.http.stopping });
      }
      const result = await this.http.postJson(
        order.callbackUrl,
        body,
        this.config.PAYMENT_WEBHOOK_SECRET,
      );
      if (this.http.stopping.aborted) return;
      await this.repository.recordCallbackAttempt(order._id, attempt, result);
      if (result.ok) return;
      this.logger.warn(
        `callback of order ${order._id}, attempt ${attempt}/${attempts}: ${result.error}`,
      );
    }
    this.logger.error(`callback of order ${order._id} given up after ${attempts} attempts`);
  }
}
