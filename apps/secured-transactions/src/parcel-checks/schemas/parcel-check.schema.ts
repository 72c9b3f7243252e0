import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { CheckStage, EncumbranceV1, ParcelRefV1 } from '@lien-thong/contracts';
import { addOutbox, OutboxEntry } from '@lien-thong/messaging';

/**
 * One answered check request. _id is the request's event id, so a redelivered request
 * finds its answer instead of asking (and announcing) twice.
 */
@Schema({ collection: 'parcel_checks', versionKey: false })
export class ParcelCheck {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  dossierCode!: string;

  @Prop({ type: String, required: true })
  stage!: CheckStage;

  @Prop({ required: true, index: true })
  parcelKey!: string;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  parcel!: ParcelRefV1;

  /** What the check answered: the registry's answer with the land office's own mortgages. */
  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  result!: EncumbranceV1;

  /**
   * The registry's answer alone, which is what a later check may reuse (the land office's
   * mortgages are added afresh each time). Absent on checks stored before it was kept: result.
   */
  @Prop({ type: MongooseSchema.Types.Mixed })
  registryResult?: EncumbranceV1;

  @Prop({ type: String, required: true })
  source!: 'REGISTRY' | 'CACHE';

  @Prop({ required: true })
  checkedAt!: Date;

  /**
   * The registry's as-of time (its own clock): the answer reflects every hold placed or
   * lifted before it. A reused answer keeps the as-of of the registry's answer it repeats.
   * Absent on checks stored before it was recorded: checkedAt stands for it.
   */
  @Prop({ type: Date })
  asOf?: Date;

  outbox!: OutboxEntry[];
}

export const ParcelCheckSchema = SchemaFactory.createForClass(ParcelCheck);
addOutbox(ParcelCheckSchema);
ParcelCheckSchema.index({ parcelKey: 1, source: 1, checkedAt: -1 });
