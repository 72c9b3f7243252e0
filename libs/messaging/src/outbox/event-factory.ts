import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  createEnvelope,
  EVENT_HEADERS,
  PayloadOf,
  TopicName,
  validateEvent,
} from '@lien-thong/contracts';
import { currentContext, DomainException, SERVICE_INFO, ServiceInfo } from '@lien-thong/platform';
import { EventSigning } from '../signing/event-signing';
import { traceEventCreated } from '../tracing/event-tracing';
import { OutboxEntry } from './outbox-entry';

/**
 * Creates outbox entries for this service. The correlation id is carried over from what is
 * being handled (the HTTP request or the consumed event), and the consumed event becomes the
 * causation id, so a dossier's chain of events can be followed across services. The entry
 * is signed here, once (envelope and topic, see EventSigning): the relay, retries and
 * replays all publish these same bytes and this same signature.
 */
@Injectable()
export class EventFactory {
  constructor(
    @Inject(SERVICE_INFO) private readonly info: ServiceInfo,
    @Optional() private readonly signing?: EventSigning,
  ) {}

  create<T extends TopicName>(topic: T, dossierKey: string, payload: PayloadOf<T>): OutboxEntry {
    const context = currentContext();
    const producer = this.signing?.producer ?? this.info.name;
    const envelope = createEnvelope(topic, dossierKey, payload, producer, {
      correlationId: context?.correlationId ?? randomUUID(),
      causationId: context?.eventId ?? null,
    });
    const value = JSON.stringify(envelope);
    // Never write poison: an event its consumers would dead-letter is refused here, where the
    // request or event that produced it can still be answered or retried (found: a supplement
    // without a contract date produced a slip that tax dead-lettered, and the dossier waited).
    const checked = validateEvent(topic, value);
    if (!checked.ok)
      throw new DomainException(
        'EVENT.WOULD_BE_INVALID',
        'Dữ liệu hồ sơ chưa đủ để chuyển cho cơ quan khác; vui lòng kiểm tra lại các trường đã nhập',
        422,
        { topic, reason: checked.reason },
      );
    const headers: Record<string, string> = {
      [EVENT_HEADERS.eventId]: envelope.eventId,
      [EVENT_HEADERS.type]: envelope.type,
      [EVENT_HEADERS.version]: String(envelope.version),
      [EVENT_HEADERS.correlationId]: envelope.correlationId,
      [EVENT_HEADERS.causationId]: envelope.causationId ?? '',
      [EVENT_HEADERS.producer]: envelope.producer,
      ...this.signing?.sign(topic, value),
    };
    // The trace of what created the event is stored with it and travels when it is published.
    traceEventCreated(topic, dossierKey, envelope.eventId, headers);
    return { eventId: envelope.eventId, topic, key: dossierKey, value, headers };
  }
}
