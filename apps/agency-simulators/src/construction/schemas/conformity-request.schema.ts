import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { ConformityReason, ConformityRequest } from '@lien-thong/agency-contracts';

/**
 * One request to the simulated construction department; _id is the client's requestId, so a
 * repeated submission collides on the key (the only write FerretDB makes atomic). The
 * decision is taken at submission (deterministic, see conformity-decision.ts) and shown once
 * `answerAt` has passed, as a department that answers some time later.
 */
@Schema({ collection: 'construction_requests', versionKey: false })
export class ConformityRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  /** Fingerprint of the request: the same id with another work is refused (409). */
  @Prop({ type: String, required: true })
  requestHash!: string;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  request!: ConformityRequest;

  @Prop({ type: String, required: true })
  receivedAt!: string;

  @Prop({ type: String, required: true })
  answerAt!: string;

  @Prop({ type: String, required: true })
  outcome!: 'CONFIRMED' | 'NOT_CONFIRMED';

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  reasons!: ConformityReason[];

  @Prop({ type: String, required: true })
  reference!: string;

  @Prop({ type: String, default: null })
  cancelledAt!: string | null;

  @Prop({ type: String, default: null })
  cancelReason!: string | null;
}

export const ConformityRecordSchema = SchemaFactory.createForClass(ConformityRecord);
