import { Topics, TopicName } from '@lien-thong/contracts';
import type { Stack } from '../stack';
import type { ChaosDatabases } from './chaos-databases';
import type { Submission } from './chaos-citizens';
import { asOperator, request } from './chaos-http';

/** The events a citizen must hear about, with the template the notification service uses. */
const NOTIFIABLE: Partial<Record<TopicName, string>> = {
  [Topics.DossierReceived]: 'DOSSIER_RECEIVED',
  [Topics.SupplementRequested]: 'SUPPLEMENT_REQUESTED',
  [Topics.ObligationsAssessed]: 'TAX_NOTICE',
  [Topics.ObligationsPaid]: 'PAYMENT_RECEIVED',
  [Topics.DossierRegistered]: 'RESULT_READY',
  [Topics.DossierRefused]: 'DOSSIER_REFUSED',
  [Topics.DossierDelayed]: 'DOSSIER_DELAYED',
  [Topics.DossierWithdrawn]: 'DOSSIER_WITHDRAWN',
  [Topics.ObligationsCancelled]: 'OBLIGATIONS_CANCELLED',
  [Topics.PaymentRefunded]: 'PAYMENT_REFUNDED',
};

export interface NotificationAudit {
  /** Messages the gateways accepted for the run's dossiers. */
  delivered: number;
  /** Same template on the same channel more than once, or a message about no event. */
  duplicates: number;
  /** An event the citizen must hear about, on a channel they gave, without a message. */
  missing: number;
  examples: string[];
}

interface ApplicantDoc {
  _id: string;
  applicant: { contact: { phone?: string; email?: string; zalo?: boolean } };
}

/**
 * Each citizen told once per event and channel: the expected messages come from the events
 * on the bus (one per notifiable event and contact channel, message id `<eventId>:<CHANNEL>`),
 * the actual ones from the gateways (`GET /admin/messages?dossierCode=`).
 */
export async function auditNotifications(input: {
  stack: Stack;
  databases: ChaosDatabases;
  submissions: Submission[];
  events: (t: TopicName) => { eventId: string; dossierKey: string }[];
}): Promise<NotificationAudit> {
  const { stack, databases, submissions } = input;
  const templateOf = new Map<string, string>();
  const eventsOf = new Map<string, string[]>();
  for (const [topic, template] of Object.entries(NOTIFIABLE)) {
    for (const e of input.events(topic as TopicName)) {
      templateOf.set(e.eventId, template);
      eventsOf.set(e.dossierKey, [...(eventsOf.get(e.dossierKey) ?? []), e.eventId]);
    }
  }
  const contacts = new Map(
    (
      await databases.find<ApplicantDoc>('land-registry', 'dossiers', {}, { _id: 1, applicant: 1 })
    ).map((d) => [d._id, d.applicant.contact]),
  );
  const result: NotificationAudit = { delivered: 0, duplicates: 0, missing: 0, examples: [] };
  const note = (text: string) => {
    if (result.examples.length < 10) result.examples.push(text);
  };
  const codes = submissions.flatMap((s) => (s.dossierCode ? [s.dossierCode] : []));
  for (const code of codes) {
    const answer = await request(
      'GET',
      `${stack.url['agency-simulators']}/admin/messages?dossierCode=${encodeURIComponent(code)}`,
      undefined,
      await asOperator(),
    );
    const messages = (answer.body.messages ?? []) as { channel: string; messageId: string }[];
    result.delivered += messages.length;
    const seen = new Map<string, number>();
    for (const m of messages) {
      const eventId = m.messageId.slice(0, m.messageId.lastIndexOf(':'));
      const template = templateOf.get(eventId) ?? `UNKNOWN(${m.messageId})`;
      const slot = `${template}/${m.channel}`;
      seen.set(slot, (seen.get(slot) ?? 0) + 1);
    }
    for (const [slot, n] of seen) {
      // A message about no event on the bus is as wrong as a second one.
      const extra = slot.startsWith('UNKNOWN') ? n : n - 1;
      if (extra > 0) {
        result.duplicates += extra;
        note(`${code}: ${slot} × ${n}`);
      }
    }
    const contact = contacts.get(code);
    const channels = [
      ...(contact?.phone ? ['SMS'] : []),
      ...(contact?.email ? ['EMAIL'] : []),
      ...(contact?.zalo && contact.phone ? ['ZALO'] : []),
    ];
    const ids = new Set(messages.map((m) => m.messageId));
    for (const eventId of eventsOf.get(code) ?? [])
      for (const channel of channels)
        if (!ids.has(`${eventId}:${channel}`)) {
          result.missing++;
          note(`${code}: no ${channel} for ${templateOf.get(eventId) ?? eventId}`);
        }
  }
  return result;
}
