import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { PeriodicTask, SERVICE_CONFIG } from '@lien-thong/platform';
import { AgencyUnavailableError } from '@lien-thong/resilience';
import { PaymentGatewayClient } from '../agencies/payment-gateway.client';
import { AssessmentsRepository } from '../assessments/assessments.repository';
import { CompensationService } from '../compensation/compensation.service';
import { TaxObligationConfig } from '../config/tax-obligation.config';
import { PaymentsService } from './payments.service';

/** Orders looked up per round; the oldest first, so that none waits forever. */
const BATCH = 200;

/**
 * The gateway's callback is best effort: it is retried a few times and then given up
 * (found by the chaos run: a payment made while this service restarted was taken but never
 * recorded, and the dossier waited for it forever). Every PAYMENT_RECONCILE_MS the orders
 * still open here are looked up at the gateway, and a paid one is recorded as its callback
 * would have been (once: the same conditional ASSESSED → PAID write), unless its dossier
 * closed meanwhile (then it is refunded). The orders cancelled in the last
 * CANCELLED_ORDER_WATCH_DAYS are looked up too: one the gateway reports paid after all is
 * refunded, so that no payment for a closed dossier is kept.
 */
@Injectable()
export class PaymentReconciliationService
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger('payments');
  private readonly task: PeriodicTask;

  constructor(
    private readonly assessments: AssessmentsRepository,
    private readonly payments: PaymentsService,
    private readonly gateway: PaymentGatewayClient,
    private readonly compensation: CompensationService,
    @Inject(SERVICE_CONFIG) private readonly config: TaxObligationConfig,
  ) {
    this.task = new PeriodicTask(
      'payment reconciliation',
      config.PAYMENT_RECONCILE_MS,
      () => this.sweep(),
      this.logger,
    );
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  /** Before the database closes, not after (a round must not start on a closed connection). */
  beforeApplicationShutdown(): void {
    this.task.stop();
  }

  /** Returns how many payments were recorded, and how many found to refund, this round. */
  async sweep(): Promise<{ recorded: number; refunded: number }> {
    const recorded = await this.recordPayments();
    const refunded = await this.refundPaidCancelledOrders();
    return { recorded, refunded };
  }

  private async recordPayments(): Promise<number> {
    let recorded = 0;
    for (const assessment of await this.assessments.awaitingPayment(BATCH)) {
      try {
        if (await this.payments.reconcile(assessment)) {
          recorded++;
          this.logger.warn(`payment of ${assessment._id} recorded from the gateway (no callback)`);
        }
      } catch (err) {
        // The gateway is down: the next round asks again.
        if (err instanceof AgencyUnavailableError) break;
        this.logger.warn(`could not reconcile the payment of ${assessment._id}: ${String(err)}`);
      }
    }
    return recorded;
  }

  private async refundPaidCancelledOrders(): Promise<number> {
    const since = new Date(Date.now() - this.config.CANCELLED_ORDER_WATCH_DAYS * 86_400_000);
    let refunded = 0;
    for (const assessment of await this.assessments.cancelledOrdersToCheck(BATCH, since)) {
      try {
        const order = await this.gateway.order(assessment._id);
        if (order.status !== 'PAID') {
          await this.assessments.markOrderChecked(assessment._id);
          continue;
        }
        this.logger.warn(`cancelled order ${assessment._id} was paid at the gateway: refunding`);
        await this.assessments.reopenForRefund(assessment._id);
        await this.compensation.tryRun(assessment._id);
        refunded++;
      } catch (err) {
        if (err instanceof AgencyUnavailableError) break;
        this.logger.warn(`could not check the cancelled order ${assessment._id}: ${String(err)}`);
      }
    }
    return refunded;
  }
}
