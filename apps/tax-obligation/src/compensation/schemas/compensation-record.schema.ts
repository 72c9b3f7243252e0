import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { addOutbox, OutboxEntry } from '@lien-thong/messaging';

/**
 * That an assessment's obligations were cancelled, or its payment refunded, with the event
 * announcing it; _id is `<assessmentId>:CANCELLED` or `<assessmentId>:REFUNDED`. Inserting
 * it is the commit point: a compensation run twice (a retry racing the sweep, or two
 * instances) cannot announce anything twice, since a unique-key insert is atomic on FerretDB
 * where a conditional update is not.
 */
@Schema({ collection: 'compensation_records', versionKey: false, timestamps: true })
export class CompensationRecord {
  @Prop({ type: String })
  _id!: string;

  @Prop({ type: String, required: true })
  assessmentId!: string;

  @Prop({ type: String, required: true })
  dossierCode!: string;

  @Prop({ type: String, required: true })
  kind!: 'CANCELLED' | 'REFUNDED';

  outbox!: OutboxEntry[];
}

export const CompensationRecordSchema = SchemaFactory.createForClass(CompensationRecord);
addOutbox(CompensationRecordSchema);
