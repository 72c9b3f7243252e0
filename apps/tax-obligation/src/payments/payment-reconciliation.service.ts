import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { PeriodicTask, SERVICE_CONFIG } from '@lien-thong/platform';
import { AgencyUnavailableError } from '@lien-thong/resilience';
import { AssessmentsRepository } from '../assessments/assessments.repository';
import { TaxObligationConfig } from '../config/tax-obligation.config';
import { PaymentsService } from './payments.service';

/** Orders looked up per round; the oldest first, so that none waits forever. */
const BATCH = 200;

/**
 * The gateway's callback is best effort: it is retried a few times and then given up
 * (found by the chaos run: a payment made while this service restarted was taken but never
 * recorded, and the dossier waited for it forever). Every PAYMENT_RECONCILE_MS the orders
 * still open here are looked up at the gateway, and a paid one is recorded as its callback
 * would have been (once: the same conditional ASSESSED → PAID write).
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
    @Inject(SERVICE_CONFIG) config: TaxObligationConfig,
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

  /** Returns how many payments were recorded this round. */
  async sweep(): Promise<number> {
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
}
