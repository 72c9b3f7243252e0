import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { InboxEntry, inboxKey } from './inbox.schema';

const DUPLICATE_KEY = 11000;

/** What the inbox keeps of one handled event. */
export interface HandledEvent {
  eventId: string;
  topic: string;
  /** When its handler finished (the record itself may be written a little later). */
  handledAt: Date;
}

/** True when every failure of a write is a duplicate key (the record already existed). */
function onlyDuplicates(err: unknown): boolean {
  const e = err as { code?: number; writeErrors?: { code?: number }[] | { code?: number } };
  if (e.writeErrors !== undefined) {
    const list = Array.isArray(e.writeErrors) ? e.writeErrors : [e.writeErrors];
    return list.length > 0 && list.every((w) => w.code === DUPLICATE_KEY);
  }
  return e.code === DUPLICATE_KEY;
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
      if (!onlyDuplicates(err)) throw err;
    }
  }
}
