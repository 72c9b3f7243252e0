import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { ParcelRefV1 } from '@lien-thong/contracts';

/** Who asked, from the verified token only. */
export interface LookupOfficer {
  subject: string;
  username: string;
  unit?: string;
}

/**
 * One look-up of a land-use right for a building-permit application: who asked, for which
 * application and parcel, when, and as of when the land registry answered. The answer itself
 * (holders' names and citizen IDs) is not kept here: it stays in the land registry.
 */
@Schema({ collection: 'land_use_right_lookups', versionKey: false })
export class LandUseRightLookup {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  applicationNumber!: string;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  parcel!: ParcelRefV1;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  askedBy!: LookupOfficer;

  @Prop({ required: true })
  askedAt!: Date;

  /** The land registry's reading time (its answer's asOf). */
  @Prop({ required: true })
  answerAsOf!: Date;
}

export const LandUseRightLookupSchema = SchemaFactory.createForClass(LandUseRightLookup);
