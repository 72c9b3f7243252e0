import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  DossierDelayedV1,
  DossierReceivedV1,
  DossierRefusedV1,
  DossierRegisteredV1,
  DossierWithdrawnV1,
  EventEnvelope,
  ObligationsAssessedV1,
  ObligationsCancelledV1,
  ObligationsPaidV1,
  PaymentRefundedV1,
  SupplementRequestedV1,
  Topics,
} from '@lien-thong/contracts';
import { APPLIED_ONCE } from '@lien-thong/messaging';
import { dossierDelayed } from '../templates/dossier-delayed.template';
import { dossierRefused } from '../templates/dossier-refused.template';
import { dossierWithdrawn } from '../templates/dossier-withdrawn.template';
import { obligationsCancelled } from '../templates/obligations-cancelled.template';
import { paymentReceived } from '../templates/payment-received.template';
import { paymentRefunded } from '../templates/payment-refunded.template';
import { resultReady } from '../templates/result-ready.template';
import { supplementRequested } from '../templates/supplement-requested.template';
import { taxNotice } from '../templates/tax-notice.template';
import { DeliveriesService } from './deliveries.service';

/**
 * Every dossier event a citizen must hear about, each with its template. APPLIED_ONCE: each
 * message is stored under the event's id and channel with its outcome, so a repeated event
 * finds it SENT or FAILED and sends nothing again, and a PENDING one is retried with its
 * stored content (a crash between sending and storing resends with the same messageId, which
 * the gateway delivers once, exactly as it did with an inbox record written after the
 * handler); the contact a receipt records is the same every time.
 */
@Controller()
export class DeliveriesConsumer {
  constructor(private readonly deliveries: DeliveriesService) {}

  @EventPattern(Topics.DossierReceived, APPLIED_ONCE)
  onDossierReceived(@Payload() event: EventEnvelope<DossierReceivedV1>): Promise<void> {
    return this.deliveries.welcome(event);
  }

  @EventPattern(Topics.SupplementRequested, APPLIED_ONCE)
  onSupplementRequested(@Payload() event: EventEnvelope<SupplementRequestedV1>): Promise<void> {
    return this.deliveries.notify(event, supplementRequested);
  }

  @EventPattern(Topics.ObligationsAssessed, APPLIED_ONCE)
  onObligationsAssessed(@Payload() event: EventEnvelope<ObligationsAssessedV1>): Promise<void> {
    return this.deliveries.notify(event, taxNotice);
  }

  @EventPattern(Topics.ObligationsPaid, APPLIED_ONCE)
  onObligationsPaid(@Payload() event: EventEnvelope<ObligationsPaidV1>): Promise<void> {
    return this.deliveries.notify(event, paymentReceived);
  }

  @EventPattern(Topics.DossierRegistered, APPLIED_ONCE)
  onDossierRegistered(@Payload() event: EventEnvelope<DossierRegisteredV1>): Promise<void> {
    return this.deliveries.notify(event, resultReady);
  }

  @EventPattern(Topics.DossierRefused, APPLIED_ONCE)
  onDossierRefused(@Payload() event: EventEnvelope<DossierRefusedV1>): Promise<void> {
    return this.deliveries.notify(event, dossierRefused);
  }

  @EventPattern(Topics.DossierWithdrawn, APPLIED_ONCE)
  onDossierWithdrawn(@Payload() event: EventEnvelope<DossierWithdrawnV1>): Promise<void> {
    return this.deliveries.notify(event, dossierWithdrawn);
  }

  @EventPattern(Topics.DossierDelayed, APPLIED_ONCE)
  onDossierDelayed(@Payload() event: EventEnvelope<DossierDelayedV1>): Promise<void> {
    return this.deliveries.notify(event, dossierDelayed);
  }

  @EventPattern(Topics.ObligationsCancelled, APPLIED_ONCE)
  onObligationsCancelled(@Payload() event: EventEnvelope<ObligationsCancelledV1>): Promise<void> {
    return this.deliveries.notify(event, obligationsCancelled);
  }

  @EventPattern(Topics.PaymentRefunded, APPLIED_ONCE)
  onPaymentRefunded(@Payload() event: EventEnvelope<PaymentRefundedV1>): Promise<void> {
    return this.deliveries.notify(event, paymentRefunded);
  }
}
