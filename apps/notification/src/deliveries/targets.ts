import type { RenderedMessage } from '../templates/template';
import type { NotificationChannel } from './schemas/delivery.schema';

/** Where a citizen can be reached (from the contact projection). */
export interface Reachable {
  phone?: string;
  email?: string;
  zalo: boolean;
}

/** One message to send on one channel. */
export interface DeliveryTarget {
  channel: NotificationChannel;
  to: string;
  text?: string;
  subject?: string;
  body?: string;
}

/** SMS when there is a phone, e-mail when there is an address, Zalo when opted in (by phone). */
export function targetsFor(contact: Reachable, message: RenderedMessage): DeliveryTarget[] {
  const targets: DeliveryTarget[] = [];
  if (contact.phone) targets.push({ channel: 'SMS', to: contact.phone, text: message.sms });
  if (contact.email) targets.push({ channel: 'EMAIL', to: contact.email, ...message.email });
  if (contact.zalo && contact.phone)
    targets.push({ channel: 'ZALO', to: contact.phone, text: message.sms });
  return targets;
}
