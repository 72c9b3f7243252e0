import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { HouseV1, OpinionReasonV1, ParcelRefV1 } from '@lien-thong/contracts';
import { addOutbox, OutboxEntry } from '@lien-thong/messaging';

/**
 * RECEIVED: stored, not yet accepted by the department (it was down, or the call failed);
 * PENDING: the department has it and has not answered; ANSWERED: its answer was announced;
 * CANCELLING: the dossier closed, the department is still to be told; CANCELLED: done.
 */
export const OPINION_STATUSES = [
  'RECEIVED',
  'PENDING',
  'ANSWERED',
  'CANCELLING',
  'CANCELLED',
] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

/** The statuses the sweep still has work for. */
export const OPEN_STATUSES: OpinionStatus[] = ['RECEIVED', 'PENDING', 'CANCELLING'];

export interface OpinionAnswer {
  outcome: 'CONFIRMED' | 'NOT_CONFIRMED';
  reasons: OpinionReasonV1[];
  reference: string;
  answeredAt: Date;
}

/**
 * One request of a land office for the department's opinion on a house or work. _id is the
 * request's requestId (`<dossier>:C<n>`), so a redelivered request is stored once; the answer
 * and its ConstructionOpinionGiven event are written together (outbox).
 */
@Schema({ collection: 'opinion_requests', versionKey: false })
export class OpinionRequest {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  dossierCode!: string;

  @Prop({ required: true, index: true })
  provinceCode!: string;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  parcel!: ParcelRefV1;

  @Prop({ required: true })
  address!: string;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  house!: HouseV1;

  @Prop({ required: true })
  requestedAt!: Date;

  @Prop({ required: true })
  dueAt!: Date;

  @Prop({ type: String, required: true, index: true })
  status!: OpinionStatus;

  /** When the department accepted the request (its clock). */
  @Prop({ type: Date })
  submittedAt?: Date;

  @Prop({ type: MongooseSchema.Types.Mixed })
  answer?: OpinionAnswer;

  @Prop({ type: Date })
  cancelledAt?: Date;

  /** Why the request was cancelled: the dossier was REFUSED or WITHDRAWN. */
  @Prop({ type: String })
  cancelReason?: 'REFUSED' | 'WITHDRAWN';

  /** When the sweep last worked on it: the least recently tried go first. */
  @Prop({ type: Date, required: true })
  triedAt!: Date;

  outbox!: OutboxEntry[];
}

export const OpinionRequestSchema = SchemaFactory.createForClass(OpinionRequest);
addOutbox(OpinionRequestSchema);
OpinionRequestSchema.index({ status: 1, triedAt: 1 });
OpinionRequestSchema.index({ provinceCode: 1, requestedAt: -1 });

/** A dossier refused or withdrawn: a request for it arriving later is cancelled at once. */
@Schema({ collection: 'closed_dossiers', versionKey: false })
export class ClosedDossier {
  @Prop({ type: String })
  _id!: string;

  @Prop({ type: String, required: true })
  reason!: 'REFUSED' | 'WITHDRAWN';

  @Prop({ required: true })
  closedAt!: Date;
}

export const ClosedDossierSchema = SchemaFactory.createForClass(ClosedDossier);
