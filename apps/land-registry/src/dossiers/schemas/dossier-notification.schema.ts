import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** What the officer's view shows of one message to the citizen. */
export interface NotificationRecord {
  at: Date;
  template: string;
  channel: string;
  recipient: string;
  status: string;
  error?: string;
}

/**
 * One delivery status of a message to the citizen about a dossier (from the notification
 * service's NotificationStatusChanged), kept beside the dossier rather than inside it: a
 * dossier gets eight of them, and appending each to the dossier rewrote the whole ~6 KB
 * document eight times, the largest share of the land registry's database work (found by
 * `npm run bench`). Its _id is the event's id, so a redelivered event inserts nothing.
 */
@Schema({ collection: 'dossier_notifications', versionKey: false })
export class DossierNotification implements NotificationRecord {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  dossierCode!: string;

  @Prop({ required: true })
  at!: Date;

  @Prop({ required: true })
  template!: string;

  @Prop({ required: true })
  channel!: string;

  @Prop({ required: true })
  recipient!: string;

  @Prop({ required: true })
  status!: string;

  @Prop()
  error?: string;
}

export const DossierNotificationSchema = SchemaFactory.createForClass(DossierNotification);
