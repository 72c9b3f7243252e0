import { Injectable, Logger } from '@nestjs/common';
import { PAYMENT_ERRORS, ETAX_ERRORS, AgencyErrorBody } from '@lien-thong/agency-contracts';
import { Topics } from '@lien-thong/contracts';
import { EventFactory } from '@lien-thong/messaging';
import { runInContext } from '@lien-thong/platform';
import { AgencyRejectedError } from '@lien-thong/resilience';
import { ETaxClient } from '../agencies/e-tax.client';
import { PaymentGatewayClient } from '../agencies/payment-gateway.client';
import { AssessmentsRepository } from '../assessments/assessments.repository';
import {
  Compensation,
  OrderOutcome,
  RefundRecord,
  TaxAssessment,
} from '../assessments/schemas/tax-assessment.schema';
import { CompensationRecordsRepository } from './compensation-records.repository';
import { reversalReasonVi } from './reasons';

type Pending = TaxAssessment & { compensation: Compensation };

function rejectedWith(error: unknown, status: number, code: string): boolean {
  if (!(error instanceof AgencyRejectedError) || error.status !== status) return false;
  const body = error.body as Partial<AgencyErrorBody> | null;
  return typeof body === 'object' && body !== null && body.code === code;
}

/**
 * Undoes an assessment whose dossier closed or whose slip was replaced: voids each e-tax
 * filing, then cancels the payment order, or refunds it if the citizen paid first. Every
 * call is idempotent at the agency and the order's fate is read from the gateway's answer,
 * never assumed, so running it again (after an outage, a crash, or concurrently with the
 * sweep) is harmless and ends the same way. Announcing the result is an insert per event
 * (CompensationRecordsRepository), so nothing is announced twice.
 */
@Injectable()
export class CompensationService {
  private readonly logger = new Logger('compensation');

  constructor(
    private readonly assessments: AssessmentsRepository,
    private readonly records: CompensationRecordsRepository,
    private readonly eTax: ETaxClient,
    private readonly gateway: PaymentGatewayClient,
    private readonly events: EventFactory,
  ) {}

  /**
   * Runs the pending compensation of an assessment, if it has one. Throws what an agency
   * threw (an outage, or a refusal that is our bug) after noting it on the assessment.
   */
  async run(assessmentId: string): Promise<void> {
    const found = await this.assessments.findById(assessmentId);
    if (!found || found.status !== 'CANCELLING' || !found.compensation) return;
    const assessment = found as Pending;
    const attempts = assessment.compensation.attempts + 1;
    try {
      const reason = reversalReasonVi(assessment.compensation.reason, assessment.dossierCode);
      const voidedNoticeNumbers = await this.voidFilings(assessment, reason);
      const order = await this.settleOrder(assessment, reason);
      await this.announce(assessment, voidedNoticeNumbers, order);
      await this.assessments.completeCompensation(assessment._id, {
        attempts,
        voidedNoticeNumbers,
        orderOutcome: order.outcome,
        ...(order.refund ? { refund: order.refund } : {}),
      });
    } catch (err) {
      await this.assessments.noteCompensationAttempt(assessment._id, attempts, String(err));
      throw err;
    }
  }

  /** Runs it, and leaves it to the sweep if it cannot be done now. Answers whether it is done. */
  async tryRun(assessmentId: string): Promise<boolean> {
    try {
      await this.run(assessmentId);
      return true;
    } catch (err) {
      this.logger.warn(`compensation of ${assessmentId} left for the sweep: ${String(err)}`);
      return false;
    }
  }

  /** Every notice of every filing, voided; a filing e-tax never received has nothing to void. */
  private async voidFilings(assessment: TaxAssessment, reason: string): Promise<string[]> {
    const voided: string[] = [];
    for (const filingId of assessment.filingIds) {
      try {
        const filing = await this.eTax.voidFiling(filingId, reason);
        voided.push(...filing.notices.map((n) => n.noticeNumber));
      } catch (err) {
        if (!rejectedWith(err, 404, ETAX_ERRORS.FILING_NOT_FOUND)) throw err;
      }
    }
    return voided;
  }

  /** Cancels the order; one the citizen paid first is refunded instead. */
  private async settleOrder(
    assessment: TaxAssessment,
    reason: string,
  ): Promise<{ outcome: OrderOutcome; refund?: RefundRecord }> {
    if (!assessment.totalVnd) return { outcome: 'NONE' };
    try {
      await this.gateway.cancelOrder(assessment._id, reason);
      return { outcome: 'CANCELLED' };
    } catch (err) {
      if (rejectedWith(err, 404, PAYMENT_ERRORS.ORDER_NOT_FOUND)) return { outcome: 'NONE' };
      if (!rejectedWith(err, 409, PAYMENT_ERRORS.ORDER_ALREADY_PAID)) throw err;
    }
    const order = await this.gateway.refundOrder(assessment._id, reason);
    if (!order.refundId || !order.refundedAt)
      throw new Error(`the gateway answered the refund of ${assessment._id} without a refund`);
    return {
      outcome: 'REFUNDED',
      refund: {
        refundId: order.refundId,
        amountVnd: order.amountVnd,
        refundedAt: order.refundedAt,
      },
    };
  }

  /** ObligationsCancelled once per assessment; PaymentRefunded once per refund. */
  private announce(
    assessment: Pending,
    voidedNoticeNumbers: string[],
    order: { outcome: OrderOutcome; refund?: RefundRecord },
  ): Promise<void> {
    const { dossierCode, _id: assessmentId, compensation } = assessment;
    const context = {
      correlationId: assessment.correlationId,
      dossierKey: dossierCode,
      ...(compensation.causationId ? { eventId: compensation.causationId } : {}),
    };
    return runInContext(context, async () => {
      await this.records.commit(
        { _id: `${assessmentId}:CANCELLED`, assessmentId, dossierCode, kind: 'CANCELLED' },
        this.events.create(Topics.ObligationsCancelled, dossierCode, {
          dossierCode,
          assessmentId,
          reason: compensation.reason,
          voidedNoticeNumbers,
          paymentOrderCancelled: order.outcome === 'CANCELLED',
          cancelledAt: new Date().toISOString(),
        }),
      );
      if (!order.refund) return;
      await this.records.commit(
        { _id: `${assessmentId}:REFUNDED`, assessmentId, dossierCode, kind: 'REFUNDED' },
        this.events.create(Topics.PaymentRefunded, dossierCode, {
          dossierCode,
          assessmentId,
          amountVnd: order.refund.amountVnd,
          refundId: order.refund.refundId,
          refundedAt: new Date(order.refund.refundedAt).toISOString(),
          reason: compensation.reason,
        }),
      );
    });
  }
}
