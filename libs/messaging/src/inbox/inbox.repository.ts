import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { InboxEntry, inboxKey } from './inbox.schema';

const DUPLICATE_KEY = 11000;

@Injectable()
export class InboxRepository {
  constructor(@InjectModel(InboxEntry.name) private readonly entries: Model<InboxEntry>) {}

  async has(consumer: string, eventId: string): Promise<boolean> {
    return (await this.entries.exists({ _id: inboxKey(consumer, eventId) })) !== null;
  }

  /** Records the event as handled; a second record of the same event is not an error. */
  async record(consumer: string, eventId: string, topic: string): Promise<void> {
    try {
      await this.entries.create({
        _id: inboxKey(consumer, eventId),
        consumer,
        eventId,
        topic,
        handledAt: new Date(),
      });
    } catch (err) {
      if ((err as { code?: number }).code !== DUPLICATE_KEY) throw err;
    }
  }
}
