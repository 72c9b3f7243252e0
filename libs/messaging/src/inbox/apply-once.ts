import { Model, UpdateQuery } from 'mongoose';
import { isDuplicateKey } from '@lien-thong/platform';
import { OutboxEntry, withOutbox } from '../outbox/outbox-entry';
import { documentKey, withDocumentLock } from '../outbox/document-lock';

/**
 * `@EventPattern(Topics.X, APPLIED_ONCE)`: a repeated event is already harmless to the
 * handler, so the pipeline neither looks the event up in the inbox nor records it there (two
 * database round trips per event fewer). Either the handler stores its effect only through
 * `applyOnce` (or an insert keyed by the event) and does nothing else before it; or it first
 * reads its own stored effect and stops if it is there, and whatever it changes outside its
 * documents before storing (an agency's system, a message sent) is keyed by the event so
 * that doing it again changes nothing (the notification service's messages, the tax
 * service's filings and payment orders). Never on a handler that calls outside before it
 * can tell that it already handled the event: an inbox record written after the handler
 * would be its only guard.
 */
export const APPLIED_ONCE = { appliedOnce: true } as const;

/** How many handled event ids a document remembers; redeliveries come long before this many newer events. */
const REMEMBERED = 200;

/**
 * Applies an event's effect to one document at most once, atomically with the record that
 * it was applied (and with the events it leads to). This closes the gap the inbox alone
 * leaves: a crash after the effect but before the inbox entry would otherwise apply the
 * effect again on redelivery. Returns false when the event had already been applied.
 */
export async function applyOnce<T>(
  model: Model<T>,
  id: unknown,
  eventId: string,
  update: UpdateQuery<T>,
  events: OutboxEntry[] = [],
  options: { upsert?: boolean } = {},
): Promise<boolean> {
  const u = update as Record<string, Record<string, unknown> | undefined>;
  const marked = {
    ...update,
    $push: { ...(u.$push ?? {}), handledEvents: { $each: [eventId], $slice: -REMEMBERED } },
  } as UpdateQuery<T>;
  try {
    // Locked: the conditional update is a read-modify-write on FerretDB (see document-lock).
    const result = await withDocumentLock(model.db, documentKey(model, id), () =>
      model.updateOne(
        // T is generic here, so mongoose cannot check a filter on its fields.
        { _id: id, handledEvents: { $ne: eventId } } as never,
        withOutbox(marked, events),
        {
          upsert: options.upsert ?? false,
        },
      ),
    );
    return result.modifiedCount + result.upsertedCount > 0;
  } catch (err) {
    // An upsert racing an existing document that already holds this event id.
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}
