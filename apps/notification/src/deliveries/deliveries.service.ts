import { Inject, Injectable, Logger } from '@nestjs/common';
import { DossierReceivedV1, EventEnvelope, Topics } from '@lien-thong/contracts';
import { EventFactory, OutboxEntry } from '@lien-thong/messaging';
import { SERVICE_CONFIG } from '@lien-thong/platform';
import { AgencyRejectedError, AgencyUnavailableError } from '@lien-thong/resilience';
import { NotificationConfig } from '../config/notification.config';
import { ContactsService } from '../contacts/contacts.service';
import { dossierReceived } from '../templates/dossier-received.template';
import { Template } from '../templates/template';
import { ChannelSender, rejectionReason } from './channel-sender';
import { DeliveriesRepository } from './deliveries.repository';
import { maskRecipient } from './mask';
import { Delivery } from './schemas/delivery.schema';
import { targetsFor } from './targets';

/**
 * Sends the message about an event on every channel the citizen can be reached on, at most
 * once per event and channel, and records each delivery's status; a delivery refused for
 * good (the citizen was not reached) is also announced by NotificationStatusChanged.
 */
@Injectable()
export class DeliveriesService {
  private readonly logger = new Logger('deliveries');

  constructor(
    private readonly contacts: ContactsService,
    private readonly repository: DeliveriesRepository,
    private readonly sender: ChannelSender,
    private readonly events: EventFactory,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationConfig,
  ) {}

  /** A new dossier: remember who to tell about it, then tell them it was received. */
  async welcome(event: EventEnvelope<DossierReceivedV1>): Promise<void> {
    await this.contacts.record(event.payload);
    await this.notify(event, dossierReceived);
  }

  /**
   * Channels are sent independently: one gateway's outage must not hold back the others.
   * If any channel could not be sent for a transient reason, the error is rethrown after the
   * others are done, so the pipeline retries the event (or defers it while a breaker is
   * open); on the retry, channels already SENT or FAILED are skipped.
   */
  async notify<P>(event: EventEnvelope<P>, template: Template<P>): Promise<void> {
    const contact = await this.contacts.forDossier(event.dossierKey);
    const message = template(event.payload, {
      dossierCode: event.dossierKey,
      fullName: contact.fullName,
      trackingUrl: this.config.TRACKING_URL,
    });
    const targets = targetsFor(contact, message);
    if (targets.length === 0) {
      this.logger.warn(`dossier ${event.dossierKey} has no phone or e-mail: nobody to tell`);
      return;
    }
    const deliveries = await this.repository.openAll(
      targets.map((target) => ({
        _id: `${event.eventId}:${target.channel}`,
        dossierCode: event.dossierKey,
        aboutEventId: event.eventId,
        template: message.template,
        ...target,
      })),
    );
    const outcomes = await Promise.allSettled(deliveries.map((d) => this.deliver(d)));
    const errors = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    if (errors.length > 0) {
      throw errors.find((e) => e instanceof AgencyUnavailableError) ?? errors[0];
    }
  }

  listByDossier(dossierCode: string): Promise<Delivery[]> {
    return this.repository.listByDossier(dossierCode);
  }

  private async deliver(delivery: Delivery): Promise<void> {
    // Already accepted or refused for good: a redelivered event never sends twice.
    if (delivery.status !== 'PENDING') return;
    try {
      await this.sender.send(delivery);
    } catch (err) {
      if (err instanceof AgencyRejectedError) {
        const reason = rejectionReason(err);
        this.logger.warn(`${delivery.channel} ${delivery._id} refused: ${reason}`);
        await this.repository.markFailed(delivery._id, reason, this.failedEvent(delivery, reason));
        return;
      }
      await this.repository.noteRetry(
        delivery._id,
        err instanceof Error ? err.message : String(err),
      );
      throw err;
    }
    // No event for a message that went through: the land registry reads the statuses from
    // GET /notifications when an officer opens the dossier (8 of a transfer's 19 events were
    // these, issue 18). Only a refusal, which an officer must act on, is announced.
    await this.repository.markSent(delivery._id);
  }

  private failedEvent(delivery: Delivery, error: string): OutboxEntry {
    return this.events.create(Topics.NotificationStatusChanged, delivery.dossierCode, {
      dossierCode: delivery.dossierCode,
      notificationId: delivery._id,
      aboutEventId: delivery.aboutEventId,
      template: delivery.template,
      channel: delivery.channel,
      recipient: maskRecipient(delivery.channel, delivery.to),
      status: 'FAILED',
      error,
    });
  }
}
