import { Schema, UpdateQuery } from 'mongoose';

/**
 * An event waiting to be published, stored inside the very document whose change it
 * announces. Writing both in one document is atomic on MongoDB and on FerretDB alike
 * (neither needs a multi-document transaction), so a state change is never stored
 * without its event, nor an event published for a change that was not stored.
 */
export interface OutboxEntry {
  eventId: string;
  /** Contract topic name (the relay maps it to the physical topic). */
  topic: string;
  key: string;
  /** The serialized envelope, exactly as it will travel. */
  value: string;
  headers: Record<string, string>;
}

/** The fields every aggregate that emits events carries. */
export interface WithOutbox {
  outbox: OutboxEntry[];
  /** Bumped by every write that appends events; the relay marks entries only if it is unchanged. */
  outboxRev: number;
  /** Indexed flag the relay's fallback poll looks for. */
  outboxPending: boolean;
}

/** Adds the outbox fields to an aggregate's schema. */
export function addOutbox(schema: Schema): void {
  schema.add({
    outbox: { type: [Schema.Types.Mixed], default: [] },
    outboxRev: { type: Number, default: 0 },
    outboxPending: { type: Boolean, default: false, index: true },
  });
}

/** Outbox fields of a document created together with its first events. */
export function newOutbox(entries: OutboxEntry[]): WithOutbox {
  return {
    outbox: entries,
    outboxRev: entries.length > 0 ? 1 : 0,
    outboxPending: entries.length > 0,
  };
}

/** Merges events into an update so that they are stored atomically with the state change. */
export function withOutbox<T>(update: UpdateQuery<T>, entries: OutboxEntry[]): UpdateQuery<T> {
  if (entries.length === 0) return update;
  const u = update as Record<string, Record<string, unknown> | undefined>;
  return {
    ...update,
    $push: { ...(u.$push ?? {}), outbox: { $each: entries } },
    $inc: { ...(u.$inc ?? {}), outboxRev: 1 },
    $set: { ...(u.$set ?? {}), outboxPending: true },
  } as UpdateQuery<T>;
}
