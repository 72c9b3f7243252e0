import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One event that one consumer has fully handled. The unique index on (consumer, eventId)
 * is what makes a redelivered event a no-op.
 */
@Schema({ collection: 'inbox', versionKey: false })
export class InboxEntry {
  @Prop({ required: true })
  consumer!: string;

  @Prop({ required: true })
  eventId!: string;

  @Prop({ required: true })
  topic!: string;

  @Prop({ required: true })
  handledAt!: Date;
}

export const InboxEntrySchema = SchemaFactory.createForClass(InboxEntry);
InboxEntrySchema.index({ consumer: 1, eventId: 1 }, { unique: true });
