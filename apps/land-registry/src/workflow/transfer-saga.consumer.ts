import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  AgencyAvailabilityChangedV1,
  ConstructionOpinionGivenV1,
  EventEnvelope,
  HoldPlacedV1,
  NotificationStatusChangedV1,
  ObligationsAssessedV1,
  ObligationsCancelledV1,
  ObligationsPaidV1,
  ParcelCheckCompletedV1,
  PaymentRefundedV1,
  Topics,
  TransferSlipReturnedV1,
} from '@lien-thong/contracts';
import { APPLIED_ONCE } from '@lien-thong/messaging';
import { TransferSagaService } from './transfer-saga.service';

/**
 * What other agencies report about our dossiers. The handlers marked APPLIED_ONCE only
 * run a saga step (which checks the dossier's handled events itself) or insert a record
 * keyed by the event id.
 */
@Controller()
export class TransferSagaConsumer {
  constructor(private readonly saga: TransferSagaService) {}

  /**
   * APPLIED_ONCE: the book keeps only a newer answer, the saga step is applied once per event
   * and the cadastral write follows the dossier's own flag, so a repeat changes nothing.
   */
  @EventPattern(Topics.ParcelCheckCompleted, APPLIED_ONCE)
  parcelChecked(@Payload() event: EventEnvelope<ParcelCheckCompletedV1>): Promise<void> {
    return this.saga.parcelChecked(event);
  }

  @EventPattern(Topics.ObligationsAssessed, APPLIED_ONCE)
  obligationsAssessed(@Payload() event: EventEnvelope<ObligationsAssessedV1>): Promise<void> {
    return this.saga.obligationsAssessed(event);
  }

  @EventPattern(Topics.TransferSlipReturned, APPLIED_ONCE)
  slipReturned(@Payload() event: EventEnvelope<TransferSlipReturnedV1>): Promise<void> {
    return this.saga.slipReturned(event);
  }

  @EventPattern(Topics.ObligationsPaid, APPLIED_ONCE)
  obligationsPaid(@Payload() event: EventEnvelope<ObligationsPaidV1>): Promise<void> {
    return this.saga.obligationsPaid(event);
  }

  @EventPattern(Topics.ObligationsCancelled, APPLIED_ONCE)
  obligationsCancelled(@Payload() event: EventEnvelope<ObligationsCancelledV1>): Promise<void> {
    return this.saga.obligationsCancelled(event);
  }

  @EventPattern(Topics.PaymentRefunded, APPLIED_ONCE)
  paymentRefunded(@Payload() event: EventEnvelope<PaymentRefundedV1>): Promise<void> {
    return this.saga.paymentRefunded(event);
  }

  @EventPattern(Topics.ConstructionOpinionGiven, APPLIED_ONCE)
  constructionOpinion(@Payload() event: EventEnvelope<ConstructionOpinionGivenV1>): Promise<void> {
    return this.saga.constructionOpinion(event);
  }

  @EventPattern(Topics.HoldPlaced)
  holdPlaced(@Payload() event: EventEnvelope<HoldPlacedV1>): Promise<void> {
    return this.saga.holdPlaced(event);
  }

  @EventPattern(Topics.NotificationStatusChanged, APPLIED_ONCE)
  notificationChanged(@Payload() event: EventEnvelope<NotificationStatusChangedV1>): Promise<void> {
    return this.saga.notificationChanged(event);
  }

  @EventPattern(Topics.AgencyAvailabilityChanged)
  agencyAvailability(@Payload() event: EventEnvelope<AgencyAvailabilityChangedV1>): Promise<void> {
    return this.saga.agencyAvailability(event);
  }
}
