import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { NOTIFICATION_CHANNELS } from '@lien-thong/contracts';
import { addOutbox, OutboxEntry } from '@lien-thong/messaging';
import type { TemplateId } from '../../templates/template';

export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export const DELIVERY_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One message about one event on one channel. The id `${eventId}:${channel}` is also the
 * messageId given to the gateway: a redelivered event finds its delivery instead of
 * sending again, and a re-send after a crash is recognised by the (idempotent) gateway.
 * Stored once its first attempt is over (with the outcome: one write for all of an event's
 * channels), with the content, so that the retry of a PENDING one sends exactly the same
 * message.
 */
@Schema({ collection: 'deliveries', versionKey: false, timestamps: true })
export class Delivery {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  dossierCode!: string;

  /** The event the message tells about. */
  @Prop({ required: true })
  aboutEventId!: string;

  @Prop({ type: String, required: true })
  template!: TemplateId;

  @Prop({ type: String, required: true })
  channel!: NotificationChannel;

  /** Full phone number or address (masked in everything that leaves this service). */
  @Prop({ required: true })
  to!: string;

  /** SMS and Zalo text. */
  @Prop()
  text?: string;

  @Prop()
  subject?: string;

  @Prop()
  body?: string;

  /** PENDING until the gateway accepts (SENT) or refuses it for good (FAILED). */
  @Prop({ type: String, required: true, default: 'PENDING' })
  status!: DeliveryStatus;

  /** Calls made to the gateway for this message. */
  @Prop({ required: true, default: 0 })
  attempts!: number;

  /** Why it FAILED, or why the last attempt of a PENDING message did not go through. */
  @Prop()
  error?: string;

  @Prop()
  sentAt?: Date;

  createdAt?: Date;
  updatedAt?: Date;
  outbox?: OutboxEntry[];
}

export const DeliverySchema = SchemaFactory.createForClass(Delivery);
addOutbox(DeliverySchema);
// One message per event per channel, whatever the id scheme becomes.
DeliverySchema.index({ aboutEventId: 1, channel: 1 }, { unique: true });
DeliverySchema.index({ dossierCode: 1, createdAt: 1 });
