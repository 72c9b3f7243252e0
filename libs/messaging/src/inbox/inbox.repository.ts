import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKey } from '@lien-thong/platform';
import { InboxEntry, inboxKey } from './inbox.schema';

/** What the inbox keeps of one handled event. */
export interface HandledEvent {
  eventId: string;
  topic: string;
  /** When its handler finished (the record itself may be written a little later). */
  handledAt: Date;
}

@Injectable()
export class InboxRepository {
  constructor(@InjectModel(InboxEntry.name) private readonly entries: Model<InboxEntry>) {}

  async has(consumer: string, eventId: string): Promise<boolean> {
    return (await this.entries.exists({ _id: inboxKey(consumer, eventId) })) !== null;
  }

  /** Records the events as handled, in one write; a second record of an event is not an error. */
  async record(consumer: string, events: HandledEvent[]): Promise<void> {
    if (events.length === 0) return;
    try {
      await this.entries.collection.insertMany(
        events.map(({ eventId, topic, handledAt }) => ({
          _id: inboxKey(consumer, eventId) as never,
          consumer,
          eventId,
          topic,
          handledAt,
        })),
        { ordered: false },
      );
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
}
