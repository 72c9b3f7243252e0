import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * Who to tell about a dossier, projected from its DossierReceived event: later events
 * carry only the dossier code. Personal data kept only as long as the dossier needs it.
 */
@Schema({ collection: 'contacts', versionKey: false, timestamps: true })
export class Contact {
  /** The dossier code. */
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true })
  fullName!: string;

  @Prop()
  phone?: string;

  @Prop()
  email?: string;

  /** The citizen opted in to Zalo OA messages (sent to the phone number). */
  @Prop({ required: true, default: false })
  zalo!: boolean;

  @Prop({ required: true })
  receivedAt!: Date;
}

export const ContactSchema = SchemaFactory.createForClass(Contact);
