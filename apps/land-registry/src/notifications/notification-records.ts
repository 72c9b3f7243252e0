import type { NotificationRecord } from '../dossiers/schemas/dossier-notification.schema';

/**
 * One message as the notification service's GET /notifications lists it to the land
 * registry's service account (the fields read here; recipients come masked).
 */
export interface ListedNotification {
  template: string;
  channel: string;
  recipient: string;
  status: 'PENDING' | 'SENT' | 'FAILED';
  error?: string;
  createdAt?: string;
  sentAt?: string;
}

/**
 * What the officer's view shows of the messages: every message the gateway accepted (SENT)
 * or refused for good (FAILED), with when that was, oldest first. A PENDING one is still
 * being tried (its gateway is down) and is left out, as it was when the view was built from
 * the status events.
 */
export function settledRecords(listed: ListedNotification[]): NotificationRecord[] {
  return listed
    .filter((n) => n.status !== 'PENDING')
    .map((n) => ({
      at: new Date(n.sentAt ?? n.createdAt ?? 0),
      template: n.template,
      channel: n.channel,
      recipient: n.recipient,
      status: n.status,
      ...(n.error && n.status === 'FAILED' ? { error: n.error } : {}),
    }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}
