import type { TemplateId } from '../../templates/template';
import { maskRecipient } from '../mask';
import type { Delivery, DeliveryStatus, NotificationChannel } from '../schemas/delivery.schema';

/** A delivery as officers (and tests) see it: the recipient masked, the content as sent. */
export class NotificationView {
  id!: string;
  dossierCode!: string;
  aboutEventId!: string;
  template!: TemplateId;
  channel!: NotificationChannel;
  recipient!: string;
  status!: DeliveryStatus;
  attempts!: number;
  error?: string;
  text?: string;
  subject?: string;
  body?: string;
  createdAt?: string;
  sentAt?: string;
}

export class NotificationList {
  count!: number;
  notifications!: NotificationView[];
}

export function toView(delivery: Delivery): NotificationView {
  return {
    id: delivery._id,
    dossierCode: delivery.dossierCode,
    aboutEventId: delivery.aboutEventId,
    template: delivery.template,
    channel: delivery.channel,
    recipient: maskRecipient(delivery.channel, delivery.to),
    status: delivery.status,
    attempts: delivery.attempts,
    error: delivery.error,
    text: delivery.text,
    subject: delivery.subject,
    body: delivery.body,
    createdAt: delivery.createdAt?.toISOString(),
    sentAt: delivery.sentAt?.toISOString(),
  };
}
