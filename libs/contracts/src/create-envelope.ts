import { randomUUID } from 'node:crypto';
import { EVENT_CATALOG, PayloadOf, TopicName } from './catalog';
import { EventEnvelope } from './envelope';

export interface Causation {
  /** The request or chain this event belongs to. */
  correlationId: string;
  /** The event that caused this one, if any. */
  causationId?: string | null;
}

/** Wraps a payload in its envelope, with type and version taken from the topic's contract. */
export function createEnvelope<T extends TopicName>(
  topic: T,
  dossierKey: string,
  payload: PayloadOf<T>,
  producer: string,
  causation: Causation,
  occurredAt: Date = new Date(),
): EventEnvelope<PayloadOf<T>> {
  const definition = EVENT_CATALOG[topic];
  return {
    eventId: randomUUID(),
    type: definition.type,
    version: definition.version,
    dossierKey,
    occurredAt: occurredAt.toISOString(),
    producer,
    correlationId: causation.correlationId,
    causationId: causation.causationId ?? null,
    payload,
  };
}
