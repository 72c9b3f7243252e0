import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { MessageChannel } from '@lien-thong/agency-contracts';

/** Every message a gateway accepted; _id is `<channel>:<messageId>`. */
@Schema({ collection: 'accepted_messages', versionKey: false })
export class AcceptedMessage {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  channel!: MessageChannel;

  @Prop({ type: String, required: true })
  messageId!: string;

  /** Phone numbers in the 0xxxxxxxxx form; e-mail addresses as sent. */
  @Prop({ type: String, required: true })
  to!: string;

  @Prop({ type: String })
  dossierCode?: string;

  @Prop({ type: String })
  text?: string;

  @Prop({ type: String })
  subject?: string;

  @Prop({ type: String })
  body?: string;

  /** Fingerprint of the request, to tell a re-send from a reused messageId. */
  @Prop({ type: String, required: true })
  requestHash!: string;

  @Prop({ type: String, required: true })
  acceptedAt!: string;
}

export const AcceptedMessageSchema = SchemaFactory.createForClass(AcceptedMessage);
