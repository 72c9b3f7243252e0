import { Injectable } from '@nestjs/common';
import { Topics } from '@lien-thong/contracts';
import { EventFactory } from '@lien-thong/messaging';
import { runInContext } from '@lien-thong/platform';
import { AgencyRejectedError } from '@lien-thong/resilience';
import { PaymentGatewayClient } from '../agencies/payment-gateway.client';
import { AssessmentsRepository } from '../assessments/assessments.repository';
import { TaxAssessment } from '../assessments/schemas/tax-assessment.schema';
import { ClosuresService } from '../compensation/closures.service';
import { CompensationService } from '../compensation/compensation.service';
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
 * the assessment from ASSESSED to PAID records anything and announces ObligationsPaid. A
 * payment for a refused or withdrawn dossier, or for cancelled obligations, is refunded and
 * never announced as paid.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly assessments: AssessmentsRepository,
    private readonly gateway: PaymentGatewayClient,
    private readonly events: EventFactory,
    private readonly closures: ClosuresService,
    private readonly compensation: CompensationService,
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
      case 'CANCELLING':
      case 'CANCELLED':
      case 'REFUNDED':
        // Obligations cancelled: whatever the citizen paid goes back, nothing is recorded.
        await this.refundLatePayment(assessment);
        return { orderId, status: 'REFUNDING', recorded: false };
      case 'ASSESSED':
        break;
    }
    if (callback.amountVnd !== assessment.totalVnd)
      throw amountMismatch(orderId, assessment.totalVnd ?? 0, callback.amountVnd);
    await this.confirmWithGateway(callback);
    if (await this.refundIfClosed(assessment))
      return { orderId, status: 'REFUNDING', recorded: false };
    const receipt = await this.record(assessment, callback);
    if (receipt.recorded) return receipt;
    // Not recorded: paid by an earlier callback, or cancelled meanwhile (then refunded).
    const now = await this.assessments.findById(orderId);
    if (!now || now.status === 'PAID') return receipt;
    await this.refundLatePayment(now);
    return { orderId, status: 'REFUNDING', recorded: false };
  }

  /**
   * Records a payment the gateway knows of although its callback never got through (it
   * gives up after a few tries). Exactly the callback's path: at most once per assessment.
   */
  async reconcile(assessment: TaxAssessment): Promise<boolean> {
    const order = await this.gateway.order(assessment._id);
    if (order.status !== 'PAID' || !order.paidAt || !order.transactionId) return false;
    if (order.amountVnd !== assessment.totalVnd) return false;
    if (await this.refundIfClosed(assessment)) return false;
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
   * A payment for a dossier that was refused or withdrawn is never recorded: its assessment
   * is compensated (the gateway answers that the order is paid, so it is refunded). Answers
   * whether the dossier was closed.
   */
  private async refundIfClosed(assessment: TaxAssessment): Promise<boolean> {
    const closure = await this.closures.closureOf(assessment.dossierCode);
    if (!closure) return false;
    await this.closures.compensateAll(assessment.dossierCode, closure, undefined);
    return true;
  }

  /**
   * A payment reached an order whose obligations were cancelled: one still cancelling is
   * settled by its compensation (the gateway answers that the order is paid: refunded); a
   * cancelled one the gateway confirms paid is reopened so that its compensation refunds it.
   */
  private async refundLatePayment(assessment: TaxAssessment): Promise<void> {
    if (assessment.status === 'REFUNDED') return;
    if (assessment.status === 'CANCELLED') {
      const order = await this.gateway.order(assessment._id).catch(() => {
        throw gatewayUnavailable(assessment._id);
      });
      if (order.status !== 'PAID') throw notConfirmed(assessment._id);
      await this.assessments.reopenForRefund(assessment._id);
    }
    await this.compensation.tryRun(assessment._id);
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
