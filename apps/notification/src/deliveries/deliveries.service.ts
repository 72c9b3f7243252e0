import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DossierReceivedV1,
  EventEnvelope,
  NOTIFICATION_CHANNELS,
  Topics,
} from '@lien-thong/contracts';
import { EventFactory, OutboxEntry } from '@lien-thong/messaging';
import { SERVICE_CONFIG } from '@lien-thong/platform';
import { AgencyRejectedError, AgencyUnavailableError } from '@lien-thong/resilience';
import { NotificationConfig } from '../config/notification.config';
import { ContactsService } from '../contacts/contacts.service';
import { Contact } from '../contacts/schemas/contact.schema';
import { dossierReceived } from '../templates/dossier-received.template';
import { Template } from '../templates/template';
import { Attempt, dueMessages, NewDelivery } from './attempt';
import { ChannelSender, rejectionReason } from './channel-sender';
import { DeliveriesRepository } from './deliveries.repository';
import { maskRecipient } from './mask';
import { Delivery, NotificationChannel } from './schemas/delivery.schema';
import { targetsFor } from './targets';

/**
 * Sends the message about an event on every channel the citizen can be reached on, at most
 * once per event and channel, and records each delivery's status; a delivery refused for
 * good (the citizen was not reached) is also announced by NotificationStatusChanged.
 */
/** One message per event and channel: its id says which. */
function deliveryId(eventId: string, channel: NotificationChannel): string {
  return `${eventId}:${channel}`;
}

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
    // The contact being recorded is the one to tell: no need to read it back.
    await this.notify(event, dossierReceived, this.contacts.record(event.payload));
  }

  /**
   * One read (with the contact's) and, on the happy path, ONE write per event whatever the number of channels:
   * what is stored of the event's messages is read by id, the messages not SENT or FAILED
   * yet are sent (in parallel: one gateway's outage must not hold back the others), and all
   * outcomes are stored together afterwards. A message stored PENDING (transient failure)
   * keeps the content first rendered, and its retry sends that content. If any channel could
   * not be sent for a transient reason, the error is rethrown once all are stored, so the
   * pipeline retries the event (or defers it while a breaker is open).
   *
   * Accepted window: a crash (or a failed write) after sending and before storing leaves
   * nothing stored, so the redelivered event sends again, with the same content (templates
   * are deterministic) and the same messageId, which the gateway recognises and does not
   * deliver twice. The same window existed between sending and settling a claimed delivery.
   */
  async notify<P>(
    event: EventEnvelope<P>,
    template: Template<P>,
    known?: Promise<Contact>,
  ): Promise<void> {
    // Who to tell, and what is stored of the event's messages on any channel, read at once.
    const [contact, stored] = await Promise.all([
      known ?? this.contacts.forDossier(event.dossierKey),
      this.repository.findByIds(NOTIFICATION_CHANNELS.map((c) => deliveryId(event.eventId, c))),
    ]);
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
    const rendered: NewDelivery[] = targets.map((target) => ({
      _id: deliveryId(event.eventId, target.channel),
      dossierCode: event.dossierKey,
      aboutEventId: event.eventId,
      template: message.template,
      ...target,
    }));
    const due = dueMessages(rendered, stored);
    if (due.length === 0) return;
    const attempts = await Promise.all(due.map(({ delivery }) => this.attempt(delivery)));
    const first = attempts.filter((_, i) => !due[i].stored);
    const collided = first.length > 0 ? await this.repository.insertSettled(first) : [];
    // A retry's deliveries, and the ones another instance stored first (at the same moment,
    // e.g. during a rebalance: the gateway took our copy as a re-send), settle what is PENDING.
    await Promise.all(
      [...attempts.filter((_, i) => due[i].stored), ...collided].map((a) =>
        this.repository.settle(a),
      ),
    );
    const transient = attempts.flatMap((a) => (a.status === 'PENDING' ? [a.cause] : []));
    if (transient.length > 0) {
      throw transient.find((e) => e instanceof AgencyUnavailableError) ?? transient[0];
    }
  }

  listByDossier(dossierCode: string): Promise<Delivery[]> {
    return this.repository.listByDossier(dossierCode);
  }

  /** One call to the channel's gateway; never throws, the outcome says how it ended. */
  private async attempt(delivery: NewDelivery): Promise<Attempt> {
    try {
      await this.sender.send(delivery);
    } catch (err) {
      if (err instanceof AgencyRejectedError) {
        const error = rejectionReason(err);
        this.logger.warn(`${delivery.channel} ${delivery._id} refused: ${error}`);
        return { delivery, status: 'FAILED', error, event: this.failedEvent(delivery, error) };
      }
      const error = err instanceof Error ? err.message : String(err);
      return { delivery, status: 'PENDING', error, cause: err };
    }
    // No event for a message that went through: the land registry reads the statuses from
    // GET /notifications when an officer opens the dossier (8 of a transfer's 19 events were
    // these, issue 18). Only a refusal, which an officer must act on, is announced.
    return { delivery, status: 'SENT', at: new Date() };
  }

  private failedEvent(delivery: NewDelivery, error: string): OutboxEntry {
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
