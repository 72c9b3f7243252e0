import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { PaymentNoticeV1, SlipProblemV1 } from '@lien-thong/contracts';
import { addOutbox, OutboxEntry } from '@lien-thong/messaging';
import type { StoredLine } from '../stored-line';

/**
 * RETURNED: the slip went back to the land office. ASSESSED: notices issued, waiting for
 * payment. PAID: paid, or nothing was owed.
 */
export const ASSESSMENT_STATUSES = ['RETURNED', 'ASSESSED', 'PAID'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** The one payment that settled an assessment (a later callback changes nothing). */
export interface SettledPayment {
  transactionId: string;
  amountVnd: number;
  paidAt: string;
  late: boolean;
  recordedAt: Date;
}

/**
 * The tax authority's answer to one revision of a dossier's transfer slip. _id is
 * `<dossierCode>:R<slipRevision>` and is also the payment order id: inserting it is the
 * commit point, so a redelivered slip finds it and charges nothing twice.
 */
@Schema({ collection: 'assessments', versionKey: false, timestamps: true })
export class TaxAssessment {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true })
  dossierCode!: string;

  @Prop({ required: true })
  slipRevision!: number;

  @Prop({ type: String, required: true, enum: ASSESSMENT_STATUSES })
  status!: AssessmentStatus;

  /** The chain the slip belongs to, continued by the payment events. */
  @Prop({ required: true })
  correlationId!: string;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  problems!: SlipProblemV1[];

  /** The parcel's province: tax officers of that province read the assessment. */
  @Prop({ type: String, required: true })
  provinceCode!: string;

  /** Sellers' and buyers' IDs (also their tax codes): each may read their own assessment. */
  @Prop({ type: [String], default: [] })
  taxpayerIds!: string[];

  @Prop({ type: String })
  noticeIssuedOn?: string;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  lines!: StoredLine[];

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  notices!: PaymentNoticeV1[];

  @Prop({ type: Number })
  totalVnd?: number;

  @Prop({ type: [String], default: [] })
  filingIds!: string[];

  @Prop({ type: String })
  payUrl?: string;

  /** The ObligationsAssessed event, the cause of the ObligationsPaid that follows. */
  @Prop({ type: String })
  assessedEventId?: string;

  @Prop({ type: MongooseSchema.Types.Mixed })
  payment?: SettledPayment;

  outbox!: OutboxEntry[];
}

export const TaxAssessmentSchema = SchemaFactory.createForClass(TaxAssessment);
addOutbox(TaxAssessmentSchema);
TaxAssessmentSchema.index({ dossierCode: 1, slipRevision: -1 });
