import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { ParcelRefV1 } from '@lien-thong/contracts';

/**
 * A mortgage of a land-use right that the land office registered itself (Decree 99/2022:
 * the land registration office registers these, not the Justice registry), and its release
 * once deregistered. _id is the registration number, so a repeated event is one mortgage;
 * a release may arrive first (events of two topics are not ordered): it is kept, and the
 * registration that follows fills in the rest without undoing it.
 */
@Schema({ collection: 'land_office_mortgages', versionKey: false })
export class LandOfficeMortgage {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  parcelKey!: string;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  parcel!: ParcelRefV1;

  /** The bank or other secured party; absent while only the release is known. */
  @Prop({ type: String })
  mortgagee?: string;

  /** On the land office's clock; null while only the release is known. */
  @Prop({ type: Date, default: null })
  registeredAt!: Date | null;

  @Prop({ type: Date, default: null })
  releasedAt!: Date | null;

  /** The dossiers that registered and released it, for an officer tracing a check's answer. */
  @Prop({ type: String })
  registeredBy?: string;

  @Prop({ type: String })
  releasedBy?: string;

  /** Event ids already applied (applyOnce). */
  @Prop({ type: [String], default: [] })
  handledEvents!: string[];
}

export const LandOfficeMortgageSchema = SchemaFactory.createForClass(LandOfficeMortgage);
LandOfficeMortgageSchema.index({ parcelKey: 1, releasedAt: 1 });
