import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const PARCEL_LINK_KINDS = ['HOLD', 'MORTGAGE'] as const;
export type ParcelLinkKind = (typeof PARCEL_LINK_KINDS)[number];

/**
 * A hold notice or a land office mortgage on a parcel, numbered from 1 per parcel: _id is
 * `<parcelKey>#<n>`, so what a check must know of a parcel is found by _id (n = 1, 2, …
 * until one is missing; a parcel with none costs one look-up). On FerretDB 1.24 a filter on
 * the parcel's fields read every notice and mortgage ever stored, for every check (issue
 * 18); the primary key needs no index of its own. Written once per hold or mortgage, never
 * per check.
 */
@Schema({ collection: 'parcel_links', versionKey: false })
export class ParcelLink {
  @Prop({ type: String })
  _id!: string;

  @Prop({ type: String, required: true, enum: PARCEL_LINK_KINDS })
  kind!: ParcelLinkKind;

  /** The hold notice's or the mortgage's _id. */
  @Prop({ type: String, required: true })
  ref!: string;
}

export const ParcelLinkSchema = SchemaFactory.createForClass(ParcelLink);
