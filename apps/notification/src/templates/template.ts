/** Stable ids of the messages a citizen gets; stored with each delivery and shown in the timeline. */
export const TEMPLATE_IDS = [
  'DOSSIER_RECEIVED',
  'SUPPLEMENT_REQUESTED',
  'TAX_NOTICE',
  'PAYMENT_RECEIVED',
  'RESULT_READY',
  'DOSSIER_REFUSED',
  'DOSSIER_DELAYED',
  'DOSSIER_WITHDRAWN',
  'OBLIGATIONS_CANCELLED',
  'PAYMENT_REFUNDED',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** What a template needs besides the event: who the message is for and where to track. */
export interface TemplateContext {
  dossierCode: string;
  fullName: string;
  /** Public tracking page root (config TRACKING_URL). */
  trackingUrl: string;
}

/** One message in every form a channel needs (SMS and Zalo share the short text). */
export interface RenderedMessage {
  template: TemplateId;
  sms: string;
  email: { subject: string; body: string };
}

/** A template: a pure function of the event's payload and the recipient. */
export type Template<P> = (payload: P, context: TemplateContext) => RenderedMessage;
