import { Injectable } from '@nestjs/common';
import { Topics } from '@lien-thong/contracts';
import { EventFactory } from '@lien-thong/messaging';
import { runInContext } from '@lien-thong/platform';
import { AgencyRejectedError } from '@lien-thong/resilience';
import { PaymentGatewayClient } from '../agencies/payment-gateway.client';
import { AssessmentsRepository } from '../assessments/assessments.repository';
import { TaxAssessment } from '../assessments/schemas/tax-assessment.schema';
import { PaymentCallbackDto, PaymentReceipt } from './dto/payment-callback.dto';
import { isLate } from './late-payment';
import {
  amountMismatch,
  gatewayUnavailable,
  notConfirmed,
  notPayable,
  orderNotFound,
} from './payments.exceptions';

/**
 * Records the payment of an assessment, once. The gateway may call back several times
 * (retries, redeliveries, even with another transaction id): only the callback that moves
 * the assessment from ASSESSED to PAID records anything and announces ObligationsPaid.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly assessments: AssessmentsRepository,
    private readonly gateway: PaymentGatewayClient,
    private readonly events: EventFactory,
  ) {}

  async confirm(callback: PaymentCallbackDto): Promise<PaymentReceipt> {
    const { orderId } = callback;
    const assessment = await this.assessments.findById(orderId);
    if (!assessment) throw orderNotFound(orderId);
    switch (assessment.status) {
      case 'PAID':
        return { orderId, status: 'PAID', recorded: false };
      case 'RETURNED':
        throw notPayable(orderId);
      case 'ASSESSED':
        break;
    }
    if (callback.amountVnd !== assessment.totalVnd)
      throw amountMismatch(orderId, assessment.totalVnd ?? 0, callback.amountVnd);
    await this.confirmWithGateway(callback);
    return this.record(assessment, callback);
  }

  /**
   * Records a payment the gateway knows of although its callback never got through (it
   * gives up after a few tries). Exactly the callback's path: at most once per assessment.
   */
  async reconcile(assessment: TaxAssessment): Promise<boolean> {
    const order = await this.gateway.order(assessment._id);
    if (order.status !== 'PAID' || !order.paidAt || !order.transactionId) return false;
    if (order.amountVnd !== assessment.totalVnd) return false;
    const receipt = await this.record(assessment, {
      orderId: order.orderId,
      status: 'PAID',
      amountVnd: order.amountVnd,
      paidAt: order.paidAt,
      transactionId: order.transactionId,
    });
    return receipt.recorded;
  }

  /**
   * The callback carries no signature in the gateway's contract, so before money is
   * recorded the gateway is asked whether the order really is paid by that transaction.
   */
  private async confirmWithGateway(callback: PaymentCallbackDto): Promise<void> {
    const order = await this.gateway.order(callback.orderId).catch((error: unknown) => {
      throw error instanceof AgencyRejectedError
        ? notConfirmed(callback.orderId)
        : gatewayUnavailable(callback.orderId);
    });
    const confirmed =
      order.status === 'PAID' &&
      order.transactionId === callback.transactionId &&
      order.amountVnd === callback.amountVnd;
    if (!confirmed) throw notConfirmed(callback.orderId);
  }

  /** The ObligationsPaid event continues the slip's chain, caused by ObligationsAssessed. */
  private record(assessment: TaxAssessment, callback: PaymentCallbackDto): Promise<PaymentReceipt> {
    const context = {
      correlationId: assessment.correlationId,
      dossierKey: assessment.dossierCode,
      ...(assessment.assessedEventId ? { eventId: assessment.assessedEventId } : {}),
    };
    return runInContext(context, async () => {
      const paidAt = new Date(callback.paidAt).toISOString();
      const late = isLate(assessment.notices, paidAt);
      const paid = this.events.create(Topics.ObligationsPaid, assessment.dossierCode, {
        dossierCode: assessment.dossierCode,
        assessmentId: assessment._id,
        amountVnd: callback.amountVnd,
        paidAt,
        transactionId: callback.transactionId,
        late,
      });
      const payment = {
        transactionId: callback.transactionId,
        amountVnd: callback.amountVnd,
        paidAt,
        late,
        recordedAt: new Date(),
      };
      const recorded = await this.assessments.markPaid(assessment._id, payment, [paid]);
      return { orderId: assessment._id, status: 'PAID' as const, recorded };
    });
  }
}
