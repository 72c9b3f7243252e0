import {
  EVENT_CATALOG,
  EVENT_HEADERS,
  EventEnvelope,
  importSigningKey,
  signEvent,
  TopicName,
} from '@lien-thong/contracts';
import { testInfra } from '@lien-thong/test-infra';

/** Who produces a topic's events (for 'any', the land registry stands in). */
export function producerOf(topic: TopicName): string {
  const { producer } = EVENT_CATALOG[topic];
  return producer === 'any' ? 'land-registry' : producer;
}

/**
 * The signature header a service gives an event it produces, made with the key this run
 * generated for the envelope's producer (tools/infra/service-env.mjs): a test that plays a
 * service sends exactly what that service would.
 */
export function signatureHeaders(
  topic: TopicName,
  envelope: EventEnvelope<unknown>,
): Record<string, string> {
  const { producer } = envelope;
  const jwk = testInfra().envFor(producer).EVENT_SIGNING_KEY;
  if (!jwk) throw new Error(`this run has no event signing key for ${producer}`);
  // Signed as it travels: parsed back from its JSON, as a consumer sees it.
  const travelling = JSON.parse(JSON.stringify(envelope)) as object;
  const key = importSigningKey(jwk, producer);
  return { [EVENT_HEADERS.signature]: signEvent(topic, travelling, key) };
}
