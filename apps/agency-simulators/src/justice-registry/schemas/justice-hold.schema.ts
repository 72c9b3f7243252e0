import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ParcelRef } from '@lien-thong/agency-contracts';

/**
 * One hold on one parcel; _id is `<commune>/<sheet>/<parcel>|<documentNumber>`, so that placing
 * the same hold twice collides on the key (the only write FerretDB makes atomic). A lifted hold
 * keeps its record with liftedAt, so that re-seeding at boot cannot bring it back.
 */
@Schema({ collection: 'justice_holds', versionKey: false })
export class JusticeHold {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  parcelKey!: string;

  @Prop({ type: Object, required: true })
  parcel!: ParcelRef;

  @Prop({ type: String, required: true })
  authority!: string;

  @Prop({ type: String, required: true })
  documentNumber!: string;

  @Prop({ type: String, required: true })
  issuedOn!: string;

  @Prop({ type: String, required: true })
  reason!: string;

  @Prop({ type: String, required: true })
  placedAt!: string;

  @Prop({ type: String, default: null })
  liftedAt!: string | null;
}

export const JusticeHoldSchema = SchemaFactory.createForClass(JusticeHold);
