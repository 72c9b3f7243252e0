import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type {
  Agency,
  ApplicantV1,
  CertificateChoice,
  FeeLineV1,
  HouseV1,
  PaymentNoticeV1,
  PersonV1,
  ProcedureKey,
  SellerV1,
} from '@lien-thong/contracts';
import { addOutbox, OutboxEntry } from '@lien-thong/messaging';
import type { Certificate } from '../../reference-data/schemas/parcel.schema';
import type {
  CertificateOutcome,
  ConstructionOpinion,
  Dossier,
  DossierStatus,
  Handoff,
  Holder,
  HoldNotice,
  InheritanceTerms,
  LateHandoff,
  MortgageReleaseTerms,
  MortgageTerms,
  OfficerRef,
  Proposal,
  PurposeChangeTerms,
  ResumeStep,
  SlipParcel,
  StoredPause,
  TimelineEntry,
  TransferTerms,
} from '../dossier';

// The dossier's types live with the workflow's decisions (../dossier.ts), free of the database.
export * from '../dossier';

@Schema({ collection: 'dossiers', versionKey: false })
/** The stored form of a dossier: the collection `dossiers`, one document per dossier. */
export class DossierRecord implements Dossier {
  /** The dossier code (mã hồ sơ). */
  @Prop({ type: String })
  _id!: string;

  @Prop({ type: String, required: true, index: true })
  status!: DossierStatus;

  @Prop({ type: String, required: true })
  heldBy!: Holder;

  /** An external agency this dossier is waiting for because its system is down. */
  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  waitingFor!: { agency: Agency; since: Date } | null;

  @Prop({ type: String, required: true })
  channel!: 'ONLINE' | 'COUNTER';

  @Prop({ type: String, required: true })
  resultDelivery!: 'COUNTER' | 'POST';

  @Prop({ type: String, default: null })
  postalAddress!: string | null;

  /** Annotate the existing certificate or issue a new one at registration, as the applicant chose. */
  @Prop({ type: String, default: 'NEW_CERTIFICATE' })
  certificateChoice!: CertificateChoice;

  @Prop({ required: true })
  procedureCode!: string;

  @Prop({ type: String, default: 'TRANSFER', index: true })
  procedure!: ProcedureKey;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  fees!: FeeLineV1[];

  @Prop({ required: true })
  receivedAt!: Date;

  @Prop({ required: true })
  remote!: boolean;

  @Prop({ required: true })
  workingDaysAllowed!: number;

  /** The appointment on the receipt (form 01). */
  @Prop({ required: true })
  appointmentAt!: Date;

  /** The current deadline: the appointment moved by the pauses; null while paused. */
  @Prop({ type: Date, default: null })
  dueAt!: Date | null;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  pauses!: StoredPause[];

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  applicant!: ApplicantV1;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  parcel!: SlipParcel;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  certificate!: Certificate;

  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  transfer!: TransferTerms | null;

  @Prop({ type: [MongooseSchema.Types.Mixed], required: true })
  sellers!: SellerV1[];

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  buyers!: PersonV1[];

  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  inheritance!: InheritanceTerms | null;

  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  mortgage!: MortgageTerms | null;

  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  mortgageRelease!: MortgageReleaseTerms | null;

  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  purposeChange!: PurposeChangeTerms | null;

  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  house!: HouseV1 | null;

  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  construction!: ConstructionOpinion | null;

  @Prop({ default: 0 })
  slipRevision!: number;

  @Prop({ type: String, default: null })
  resumeStep!: ResumeStep | null;

  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  assessment!: {
    assessmentId: string;
    totalVnd: number;
    notices: PaymentNoticeV1[];
    payUrl?: string;
  } | null;

  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  payment!: { paidAt: Date; amountVnd: number; transactionId: string; late: boolean } | null;

  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  refusal!: { code: string; reasonVi: string } | null;

  /** The one allowed reset of the appointment (form 04), if it happened. */
  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  delay!: { previousAppointmentAt: Date; newAppointmentAt: Date } | null;

  /** The agency the dossier is with now, and its deadline; null when no agency has it. */
  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  handoff!: Handoff | null;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  lateHandoffs!: LateHandoff[];

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  holdNotices?: HoldNotice[];

  /**
   * The officer holding the dossier inside the land office: null while it waits in its
   * unit's review queue (or outside the office).
   */
  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  assignee!: OfficerRef | null;

  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  proposal!: Proposal | null;

  /** The leader who approved registration; a registered dossier always has one. */
  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  approval!: { at: Date; by: OfficerRef } | null;

  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  certificateOutcome!: CertificateOutcome | null;

  /**
   * Approved, but the cadastral book is not written yet: the dossier is registered first (so
   * that a hold or a withdrawal racing the approval cannot leave a book changed for a refused
   * dossier) and the book follows, retried until written.
   */
  @Prop({ type: Boolean, default: false, index: true })
  cadastralPending!: boolean;

  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  withdrawal!: {
    at: Date;
    by: 'CITIZEN' | 'COUNTER_OFFICER';
    actor: string;
    reasonVi: string;
  } | null;

  @Prop({ type: Date, default: null })
  registeredAt!: Date | null;

  @Prop({ type: Date, default: null })
  finishedAt!: Date | null;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  timeline!: TimelineEntry[];

  /**
   * SHA-256 of the tracking secret printed on the receipt (random, 50 bits): with the code,
   * what tracking without login asks for. The secret itself is never stored.
   */
  @Prop({ type: String, required: true })
  trackingSecretHash!: string;

  /** The unit competent for the dossier (units.json): officers see the dossiers their unit covers. */
  @Prop({ type: String, required: true, index: true })
  unit!: string;

  @Prop({ type: String, default: null, index: true })
  receivingUnit!: string | null;

  /** The logged-in citizen who submitted online (null at the counter, where an officer did). */
  @Prop({ type: String, default: null })
  applicantCitizenId!: string | null;

  /** Optimistic concurrency: every write checks and bumps it. */
  @Prop({ default: 0 })
  rev!: number;

  @Prop({ type: [String], default: [] })
  handledEvents!: string[];

  outbox!: OutboxEntry[];
}

export const DossierSchema = SchemaFactory.createForClass(DossierRecord);
addOutbox(DossierSchema);
DossierSchema.index({
  'parcel.ref.communeCode': 1,
  'parcel.ref.mapSheetNumber': 1,
  'parcel.ref.parcelNumber': 1,
});
// The officers' list and the statistics: a unit's (or receiving unit's) dossiers, newest first.
DossierSchema.index({ unit: 1, receivedAt: -1 });
DossierSchema.index({ receivingUnit: 1, receivedAt: -1 });
// Searching a unit's dossiers by a party's citizen ID, and a citizen's own dossiers newest
// first (GET /citizen/dossiers: one branch of the $or per index, see partyFilter).
DossierSchema.index({ 'sellers.citizenId': 1, receivedAt: -1 });
DossierSchema.index({ 'buyers.citizenId': 1, receivedAt: -1 });
DossierSchema.index({ applicantCitizenId: 1, receivedAt: -1 });
