import { newOutbox, OutboxEntry, WithOutbox } from '@lien-thong/messaging';
import type { Delivery } from './schemas/delivery.schema';

/** A message as rendered for one channel, before anything about it is stored. */
export type NewDelivery = Pick<
  Delivery,
  | '_id'
  | 'dossierCode'
  | 'aboutEventId'
  | 'template'
  | 'channel'
  | 'to'
  | 'text'
  | 'subject'
  | 'body'
>;

/** One call to a channel's gateway and how it ended. */
export type Attempt =
  | { delivery: NewDelivery; status: 'SENT'; at: Date }
  /** Refused for good (4xx): never retried, announced by its status event. */
  | { delivery: NewDelivery; status: 'FAILED'; error: string; event: OutboxEntry }
  /** Not through for a transient reason (outage, timeout, open breaker): the event retries. */
  | { delivery: NewDelivery; status: 'PENDING'; error: string; cause: unknown };

/** A message to send now; `stored`: it is already stored PENDING (a retry). */
export interface Due {
  delivery: NewDelivery;
  stored: boolean;
}

/**
 * Which of an event's messages to send, given what is stored of them: a stored SENT or
 * FAILED one never again (a redelivered event sends nothing twice), a stored PENDING one
 * with the content stored on its first attempt (not a new rendering), the others as
 * rendered now.
 */
export function dueMessages(rendered: NewDelivery[], stored: Delivery[]): Due[] {
  const byId = new Map(stored.map((d) => [d._id, d]));
  return rendered.flatMap((delivery): Due[] => {
    const found = byId.get(delivery._id);
    if (!found) return [{ delivery, stored: false }];
    if (found.status !== 'PENDING') return [];
    const { _id, dossierCode, aboutEventId, template, channel, to, text, subject, body } = found;
    const content = { _id, dossierCode, aboutEventId, template, channel, to, text, subject, body };
    return [{ delivery: content, stored: true }];
  });
}

/** The delivery a first attempt stores: its content, its outcome and one gateway call. */
export function firstRecord(
  attempt: Attempt,
): NewDelivery & Pick<Delivery, 'status' | 'attempts' | 'error' | 'sentAt'> & Partial<WithOutbox> {
  const record = { ...attempt.delivery, status: attempt.status, attempts: 1 };
  switch (attempt.status) {
    case 'SENT':
      return { ...record, sentAt: attempt.at };
    case 'FAILED':
      return { ...record, error: attempt.error, ...newOutbox([attempt.event]) };
    case 'PENDING':
      return { ...record, error: attempt.error };
  }
}
