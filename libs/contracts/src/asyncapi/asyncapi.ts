import { EVENT_CATALOG, TopicName } from '../catalog';
import { classToJsonSchema, JsonSchema } from './json-schema';

/**
 * The AsyncAPI 3.0 document of every topic, generated from the contracts themselves so
 * that it cannot drift: docs/asyncapi.json is this output, and a test fails when it is
 * out of date (regenerate with `npm run asyncapi`).
 */
export function buildAsyncApiDocument(version: string): Record<string, unknown> {
  const schemas: Record<string, JsonSchema> = {};
  const channels: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const topic of Object.keys(EVENT_CATALOG).sort() as TopicName[]) {
    const definition = EVENT_CATALOG[topic];
    const messageName = `${definition.type}V${definition.version}`;
    schemas[messageName] = classToJsonSchema(definition.payload, schemas);
    messages[messageName] = {
      name: definition.type,
      title: `${definition.type} v${definition.version}`,
      summary: definition.summary,
      contentType: 'application/json',
      headers: { $ref: '#/components/schemas/EventHeaders' },
      payload: {
        allOf: [
          { $ref: '#/components/schemas/EventEnvelope' },
          {
            type: 'object',
            properties: { payload: { $ref: `#/components/schemas/${messageName}` } },
          },
        ],
      },
      bindings: {
        kafka: {
          key: { type: 'string', description: 'dossier key: one dossier stays on one partition' },
        },
      },
    };
    channels[topic] = {
      address: topic,
      messages: { [messageName]: { $ref: `#/components/messages/${messageName}` } },
    };
    operations[`publish-${topic}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${topic}` },
      summary: `Sent by ${definition.producer === 'any' ? 'any service' : definition.producer}`,
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'liên thông dossier events',
      version,
      description:
        'Events exchanged by the liên thông services over Apache Kafka. Generated from libs/contracts; do not edit by hand.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: {
      messages,
      schemas: {
        EventEnvelope: {
          type: 'object',
          required: [
            'eventId',
            'type',
            'version',
            'dossierKey',
            'occurredAt',
            'producer',
            'correlationId',
            'causationId',
            'payload',
          ],
          properties: {
            eventId: { type: 'string', format: 'uuid' },
            type: { type: 'string' },
            version: { type: 'integer', minimum: 1 },
            dossierKey: { type: 'string', description: 'also the Kafka message key' },
            occurredAt: { type: 'string', format: 'date-time' },
            producer: { type: 'string' },
            correlationId: { type: 'string' },
            causationId: { type: ['string', 'null'] },
            payload: { type: 'object' },
          },
        },
        EventHeaders: {
          type: 'object',
          properties: {
            ...Object.fromEntries(
              [
                'event-id',
                'event-type',
                'event-version',
                'correlation-id',
                'causation-id',
                'producer',
              ].map((h) => [h, { type: 'string' }]),
            ),
            'x-signature': {
              type: 'string',
              pattern: '^[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+$',
              description:
                "The producer's detached JWS (EdDSA, Ed25519): protected header {alg, typ: lien-thong-event+jws, kid: producer, topic: contract topic}; payload: the envelope as canonical JSON (keys sorted, no whitespace). Consumers verify it with the producer's public key and dead-letter an unsigned or forged event.",
            },
          },
        },
        ...Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
      },
    },
  };
}
