import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { CancellationReason } from '@lien-thong/contracts';

/**
 * A dossier the land office refused or the applicant withdrew; _id is the dossier code. It
 * never reopens: no slip of it is assessed any more, and any payment for it is refunded.
 */
@Schema({ collection: 'closed_dossiers', versionKey: false })
export class ClosedDossier {
  @Prop({ type: String })
  _id!: string;

  @Prop({ type: String, required: true })
  reason!: Exclude<CancellationReason, 'SUPERSEDED'>;

  @Prop({ type: Date, required: true })
  closedAt!: Date;

  /** The DossierRefused or DossierWithdrawn event. */
  @Prop({ type: String, required: true })
  eventId!: string;
}

export const ClosedDossierSchema = SchemaFactory.createForClass(ClosedDossier);
