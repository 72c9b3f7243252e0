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
 * A message to the citizen about a dossier that was refused for good (the notification
 * service's NotificationStatusChanged, FAILED), kept beside the dossier rather than inside it
 * (appending to the ~6 KB dossier rewrote it whole). Messages that went through are announced
 * by no event: the officer's view reads them all from the notification service, and lists
 * these alone while it cannot. Stores written before that also hold SENT statuses. Its _id is
 * the event's id, so a redelivered event inserts nothing.
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
