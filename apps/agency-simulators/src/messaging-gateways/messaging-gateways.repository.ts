import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter } from 'mongoose';
import type { DeliveredMessageQuery } from '@lien-thong/agency-contracts';
import { isDuplicateKey } from '@lien-thong/platform';
import { AcceptedMessage } from './schemas/accepted-message.schema';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

@Injectable()
export class MessagingGatewaysRepository {
  constructor(
    @InjectModel(AcceptedMessage.name) private readonly messages: Model<AcceptedMessage>,
  ) {}

  find(id: string): Promise<AcceptedMessage | null> {
    return this.messages.findById(id).lean<AcceptedMessage>().exec();
  }

  /** Inserts the message unless its id is taken; answers false when it was (a re-send). */
  async insert(message: AcceptedMessage): Promise<boolean> {
    try {
      await this.messages.create(message);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Oldest first. A dossier code matches the field, or the code written in the message. */
  list(query: DeliveredMessageQuery): Promise<AcceptedMessage[]> {
    const filter: QueryFilter<AcceptedMessage> = {};
    if (query.channel) filter.channel = query.channel;
    if (query.to) filter.to = query.to;
    if (query.dossierCode) {
      const mentions = { $regex: escapeRegExp(query.dossierCode) };
      filter.$or = [
        { dossierCode: query.dossierCode },
        { text: mentions },
        { subject: mentions },
        { body: mentions },
      ];
    }
    return this.messages
      .find(filter)
      .sort({ acceptedAt: 1, _id: 1 })
      .lean<AcceptedMessage[]>()
      .exec();
  }
}
