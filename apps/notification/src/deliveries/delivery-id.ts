import type { Delivery } from './schemas/delivery.schema';

/**
 * A delivery's _id: the dossier's `slot`-th notified event (from 1, in the order they were
 * stored) and the delivery's place among that event's deliveries (from 0). Slots are taken
 * one after another, so a dossier's deliveries are found by looking up ids from
 * `<code>#1.0` until one is missing: FerretDB 1.24 serves only `_id` equality from an
 * index, and a look-up by dossier code read every delivery ever stored (issue 18).
 */
export function deliveryId(dossierCode: string, slot: number, index: number): string {
  return `${dossierCode}#${slot}.${index}`;
}

/**
 * One message about one event on one channel, as the gateway knows it (its messageId, so a
 * re-send after a crash is recognised) and as officers and the land registry see it.
 */
export function messageIdOf(delivery: Pick<Delivery, 'aboutEventId' | 'channel'>): string {
  return `${delivery.aboutEventId}:${delivery.channel}`;
}
