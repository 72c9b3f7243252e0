import { AsyncLocalStorage } from 'node:async_hooks';

/** What is being handled right now: follows an event (or request) through every await. */
export interface EventContext {
  correlationId: string;
  /** The event being handled; becomes the causation id of the events it leads to. */
  eventId?: string;
  dossierKey?: string;
  /** Who is acting: the identity provider's subject id (never a citizen ID), for the logs. */
  user?: string;
}

const storage = new AsyncLocalStorage<EventContext>();

export function runInContext<T>(context: EventContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): EventContext | undefined {
  return storage.getStore();
}
