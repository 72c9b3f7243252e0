import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { HoldV1, ParcelRefV1 } from '@lien-thong/contracts';
import { addOutbox, OutboxEntry } from '@lien-thong/messaging';

/**
 * A hold the registry told us about, and its lift once told; _id is parcel + document
 * number, so a repeated push is one notice.
 */
@Schema({ collection: 'hold_notices', versionKey: false })
export class HoldNotice {
  @Prop({ type: String })
  _id!: string;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  parcel!: ParcelRefV1;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  hold!: HoldV1;

  /** On the registry's clock, as is liftedAt. */
  @Prop({ required: true })
  placedAt!: Date;

  /** When the registry told us the hold was lifted; null while it is in force. */
  @Prop({ type: Date, default: null })
  liftedAt!: Date | null;

  outbox!: OutboxEntry[];
}

export const HoldNoticeSchema = SchemaFactory.createForClass(HoldNotice);
addOutbox(HoldNoticeSchema);
