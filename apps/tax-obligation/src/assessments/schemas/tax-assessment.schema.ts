import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { CancellationReason, PaymentNoticeV1, SlipProblemV1 } from '@lien-thong/contracts';
import { addOutbox, OutboxEntry } from '@lien-thong/messaging';
import { SLIP_KINDS, SlipKind } from '../slip';
import type { StoredLine } from '../stored-line';

/**
 * RETURNED: the slip went back to the land office. ASSESSED: notices issued, waiting for
 * payment. PAID: paid, or nothing was owed. CANCELLING: the dossier closed (or a newer slip
 * revision replaces this one) and the notices are being voided, the order cancelled or
 * refunded; CANCELLED: done, nothing was paid; REFUNDED: done, the payment was refunded.
 */
export const ASSESSMENT_STATUSES = [
  'RETURNED',
  'ASSESSED',
  'PAID',
  'CANCELLING',
  'CANCELLED',
  'REFUNDED',
] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** The one payment that settled an assessment (a later callback changes nothing). */
export interface SettledPayment {
  transactionId: string;
  amountVnd: number;
  paidAt: string;
  late: boolean;
  recordedAt: Date;
}

/** What became of the payment order when the obligations were cancelled. */
export type OrderOutcome = 'NONE' | 'CANCELLED' | 'REFUNDED';

export interface RefundRecord {
  refundId: string;
  amountVnd: number;
  refundedAt: string;
}

/**
 * Undoing an assessment: void its e-tax filings, cancel its payment order or refund it. Kept
 * on the assessment while it is pending, so that the compensation sweep retries it until
 * done (an agency may be down for hours); attempts and the last error show what is wrong.
 */
export interface Compensation {
  reason: CancellationReason;
  requestedAt: Date;
  /** The event that asked for it (refusal, withdrawal, newer slip): the cause of what follows. */
  causationId?: string;
  attempts: number;
  lastAttemptAt?: Date;
  lastError?: string;
  doneAt?: Date;
  voidedNoticeNumbers?: string[];
  orderOutcome?: OrderOutcome;
  refund?: RefundRecord;
  /** When reconciliation last found the cancelled order still unpaid at the gateway. */
  orderCheckedAt?: Date;
}

/**
 * The tax authority's answer to one revision of a dossier's slip (of any kind). _id is
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

  /** Which kind of slip was assessed (absent on assessments stored before: a transfer). */
  @Prop({ type: String, enum: SLIP_KINDS })
  slipKind?: SlipKind;

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

  /** The IDs (also tax codes) of the people the slip names: each may read their assessment. */
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

  @Prop({ type: MongooseSchema.Types.Mixed })
  compensation?: Compensation;

  outbox!: OutboxEntry[];
}

export const TaxAssessmentSchema = SchemaFactory.createForClass(TaxAssessment);
addOutbox(TaxAssessmentSchema);
TaxAssessmentSchema.index({ dossierCode: 1, slipRevision: -1 });
TaxAssessmentSchema.index({ status: 1 });
