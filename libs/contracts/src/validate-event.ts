import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { EVENT_CATALOG, isKnownTopic, TopicName } from './catalog';
import { EventEnvelope, EventEnvelopeDto } from './envelope';
import { cacheValidationMetadata } from './validation-metadata-cache';

cacheValidationMetadata();

export type EventValidation =
  | { ok: true; envelope: EventEnvelope<object> }
  | {
      ok: false;
      code: 'EVENT.MALFORMED' | 'EVENT.UNKNOWN_TOPIC' | 'EVENT.INVALID';
      reason: string;
    };

function describe(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    return [
      ...Object.values(e.constraints ?? {}).map((m) => `${field}: ${m}`),
      ...describe(e.children ?? [], field),
    ];
  });
}

/**
 * Checks a raw Kafka message against its topic's contract: parses the JSON, validates the
 * envelope, checks that type and version match the topic, and validates the payload with
 * its class. The reason names every offending field (it goes into the dead letter).
 */
export function validateEvent(topic: string, raw: Buffer | string | null): EventValidation {
  if (!isKnownTopic(topic))
    return { ok: false, code: 'EVENT.UNKNOWN_TOPIC', reason: `no contract for topic ${topic}` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw?.toString() ?? '');
  } catch (err) {
    return { ok: false, code: 'EVENT.MALFORMED', reason: `not JSON: ${(err as Error).message}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, code: 'EVENT.MALFORMED', reason: 'the message is not a JSON object' };
  }
  const envelope = plainToInstance(EventEnvelopeDto, parsed);
  const envelopeErrors = validateSync(envelope, { forbidUnknownValues: false });
  if (envelopeErrors.length > 0)
    return { ok: false, code: 'EVENT.INVALID', reason: describe(envelopeErrors).join('; ') };
  const definition = EVENT_CATALOG[topic as TopicName];
  if (envelope.type !== definition.type || envelope.version !== definition.version) {
    return {
      ok: false,
      code: 'EVENT.INVALID',
      reason: `topic ${topic} carries ${definition.type} v${definition.version}, got ${envelope.type} v${envelope.version}`,
    };
  }
  const payload = plainToInstance(
    definition.payload as new () => object,
    (parsed as { payload: object }).payload,
  );
  const payloadErrors = validateSync(payload, { whitelist: true, forbidNonWhitelisted: true });
  if (payloadErrors.length > 0)
    return {
      ok: false,
      code: 'EVENT.INVALID',
      reason: describe(payloadErrors, 'payload').join('; '),
    };
  return { ok: true, envelope: { ...(parsed as EventEnvelope<object>), payload } };
}
