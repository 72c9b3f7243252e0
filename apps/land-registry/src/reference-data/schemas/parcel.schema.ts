import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { CertificateChoice, EncumbranceV1, HouseV1, ParcelRefV1 } from '@lien-thong/contracts';

export interface Owner {
  fullName: string;
  citizenId: string;
  address: string;
  shareNumerator: number;
  shareDenominator: number;
}

/** Owners as they were until a registered change. */
export interface OwnershipPeriod {
  owners: Owner[];
  certificate: Certificate;
  until: Date;
  changedByDossier: string;
}

export interface Certificate {
  /** 2 letters + 6 digits (older) or 2 letters + 8 digits (Circular 10/2024). */
  serial: string;
  issuedOn: string;
  /** Changes recorded on this certificate (xác nhận thay đổi), oldest first. */
  annotations?: CertificateAnnotation[];
}

/** The certificate the owners hold after a registration: annotated, or a new one issued. */
export interface CertificateOutcome {
  choice: CertificateChoice;
  serial: string;
  issuedOn: string;
}

export interface CertificateAnnotation {
  on: string;
  dossierCode: string;
  noteVi: string;
}

/** A mortgage registered by the land office on this parcel (Decree 99/2022). */
export interface RegisteredMortgage {
  registrationNumber: string;
  mortgagee: string;
  registeredAt: Date;
  dossierCode: string;
  releasedAt?: Date;
  releasedByDossier?: string;
}

/** A house or other work registered on the parcel's certificate. */
export interface RegisteredHouse extends HouseV1 {
  registeredAt: Date;
  dossierCode: string;
}

/** What the registry last said of the parcel, on its clock (`asOf`). */
export type ParcelEncumbrance = Omit<EncumbranceV1, 'asOf'> & { asOf: string };

/**
 * A parcel as the cadastral book (sổ địa chính) records it: where it is, its area and
 * purpose, its current certificate and owners. _id is commune/map sheet/parcel.
 */
@Schema({ collection: 'parcels', versionKey: false })
export class Parcel {
  @Prop({ type: String })
  _id!: string;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  ref!: ParcelRefV1;

  @Prop({ required: true })
  provinceCode!: string;

  @Prop({ required: true })
  address!: string;

  /** Area in tenths of a square metre (1000 = 100.0 m²). */
  @Prop({ required: true })
  areaTenthsM2!: number;

  @Prop({ required: true })
  purposeCode!: string;

  @Prop({ required: true })
  term!: string;

  @Prop({ required: true })
  origin!: string;

  @Prop({ required: true })
  priceZone!: string;

  @Prop({ required: true })
  pricePosition!: number;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  certificate!: Certificate;

  @Prop({ type: [MongooseSchema.Types.Mixed], required: true })
  owners!: Owner[];

  /**
   * Every earlier set of owners, oldest first, with when it ended and the dossier that
   * changed it: the land-rights record never loses a fact.
   */
  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  ownerHistory!: OwnershipPeriod[];

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  mortgages?: RegisteredMortgage[];

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  houses?: RegisteredHouse[];

  /**
   * The registry's last answer about the parcel (mortgage, hold, dispute) as of its time:
   * what an agency look-up reports, with that time; absent before any check.
   */
  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  encumbrance?: ParcelEncumbrance | null;

  /** Registrations already applied to this parcel (a redelivered one changes nothing). */
  @Prop({ type: [String], default: [] })
  handledEvents!: string[];
}

export const ParcelSchema = SchemaFactory.createForClass(Parcel);

export function parcelKey(ref: ParcelRefV1): string {
  return `${ref.communeCode}/${ref.mapSheetNumber}/${ref.parcelNumber}`;
}
