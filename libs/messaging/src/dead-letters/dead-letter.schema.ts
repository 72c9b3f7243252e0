import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

/**
 * An event this service could not handle, kept with everything needed to explain it and to
 * replay it after a fix. The same record also goes to the group's dead-letter topic.
 * _id is consumer:topic:partition:offset, so a redelivered failure is stored once.
 */
@Schema({ collection: 'dead_letters', versionKey: false })
export class DeadLetter {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  consumer!: string;

  /** Contract topic name the event was published on. */
  @Prop({ required: true })
  topic!: string;

  @Prop({ required: true })
  partition!: number;

  @Prop({ required: true })
  offset!: string;

  @Prop({ type: String, default: null })
  key!: string | null;

  @Prop({ type: String, default: null })
  value!: string | null;

  @Prop({ type: MongooseSchema.Types.Mixed, default: {} })
  headers!: Record<string, string>;

  @Prop({ type: String, default: null })
  eventId!: string | null;

  @Prop({ required: true })
  errorCode!: string;

  @Prop({ required: true })
  errorMessage!: string;

  @Prop({ required: true })
  attempts!: number;

  @Prop({ required: true })
  failedAt!: Date;

  @Prop({ type: Date, default: null })
  replayedAt!: Date | null;
}

export const DeadLetterSchema = SchemaFactory.createForClass(DeadLetter);
DeadLetterSchema.index({ replayedAt: 1, failedAt: 1 });
