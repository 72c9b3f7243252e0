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

  /**
   * The parcel as one top-level string (`commune/sheet/number`): what the parcel checks look
   * notices up by. FerretDB pushes no nested field down to PostgreSQL, so a look-up by
   * `parcel.*` read every notice ever pushed (issue 18, `npm run bench`'s query plans).
   */
  @Prop({ type: String, required: true, index: true })
  parcelKey!: string;

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
