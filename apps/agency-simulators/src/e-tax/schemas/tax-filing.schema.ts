import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { PaymentNotice, Taxpayer } from '@lien-thong/agency-contracts';

/** A filing as received, with the notices issued for it; _id is the client's filingId. */
@Schema({ collection: 'etax_filings', versionKey: false })
export class TaxFiling {
  @Prop({ type: String, required: true })
  _id!: string;

  /** Fingerprint of the request, to tell a retry from a reused filingId. */
  @Prop({ type: String, required: true })
  requestHash!: string;

  @Prop({ type: String, required: true })
  dossierCode!: string;

  @Prop({ type: Object, required: true })
  taxpayer!: Taxpayer;

  @Prop({ type: [Object], required: true })
  notices!: PaymentNotice[];

  @Prop({ type: String, required: true })
  receivedAt!: string;

  /** Copied from the filing's FilingVoid, which decides it (absent: the filing stands). */
  @Prop({ type: String })
  voidedAt?: string;

  @Prop({ type: String })
  voidReason?: string;
}

export const TaxFilingSchema = SchemaFactory.createForClass(TaxFiling);

/**
 * One claimed notice number. Numbers are claimed by inserting their own document (unique
 * _id), not by incrementing a counter: FerretDB does not make $inc atomic, an insert is.
 */
@Schema({ collection: 'etax_notice_numbers', versionKey: false })
export class NoticeNumberClaim {
  /** `<year>-<sequence>` */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: Number, required: true })
  year!: number;

  @Prop({ type: Number, required: true })
  sequence!: number;

  @Prop({ type: String, required: true })
  filingId!: string;
}

export const NoticeNumberClaimSchema = SchemaFactory.createForClass(NoticeNumberClaim);

/**
 * The void of a filing; _id is the filingId. Inserting it is how a void call wins (a unique
 * key insert is atomic on FerretDB, a conditional update is not): every later or concurrent
 * void answers this one.
 */
@Schema({ collection: 'etax_filing_voids', versionKey: false })
export class FilingVoid {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  voidedAt!: string;

  @Prop({ type: String, required: true })
  reason!: string;
}

export const FilingVoidSchema = SchemaFactory.createForClass(FilingVoid);
