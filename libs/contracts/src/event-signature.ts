import {
  createPrivateKey,
  createPublicKey,
  JsonWebKey,
  KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { EVENT_CATALOG, isKnownTopic, TopicName } from './catalog';

/**
 * How an event proves who produced it and for which topic.
 *
 * The producer signs, once, when the event is created: a JWS (RFC 7515, EdDSA over
 * Ed25519) with a detached payload, carried in the `x-signature` Kafka header (EVENT_HEADERS.signature) as
 * `<protected header>..<signature>`. The protected header names the producer (`kid`) and
 * the contract topic (`topic`); the payload is the canonical JSON (keys sorted, no
 * spaces: RFC 8785 for the values events carry) of the whole envelope as it travels,
 * payload included. Any JWS library checks it by putting the base64url of that canonical
 * JSON between the two dots.
 *
 * Because the topic is signed, no header (a retry's original topic, a replay) can make an
 * event pass for one of another topic; because the envelope is, nothing in it can change.
 */

/** The `typ` of an event signature's protected header. */
export const EVENT_SIGNATURE_TYPE = 'lien-thong-event+jws';

/** Why an event's signature was refused (the dead letter's error code). */
export type SignatureFailureCode =
  | 'EVENT.SIGNATURE_MISSING'
  | 'EVENT.SIGNATURE_INVALID'
  | 'EVENT.PRODUCER_UNKNOWN'
  | 'EVENT.TOPIC_MISMATCH'
  | 'EVENT.PRODUCER_NOT_ALLOWED';

export type SignatureCheck =
  { ok: true; producer: string } | { ok: false; code: SignatureFailureCode; reason: string };

export interface EventSignatureHeader {
  alg: 'EdDSA';
  typ: typeof EVENT_SIGNATURE_TYPE;
  /** The producing service. */
  kid: string;
  /** The contract topic the event was produced on. */
  topic: string;
}

/** A service's signing key: an Ed25519 private key and the producer name it signs as. */
export interface EventSigningKey {
  producer: string;
  key: KeyObject;
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** JSON with object keys sorted at every level and no whitespace, of a value parsed from JSON. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function asEd25519(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${what} is not an Ed25519 key`);
  return key;
}

/**
 * Reads a private JWK (`{"kty":"OKP","crv":"Ed25519","x":…,"d":…,"kid":…}`); the producer
 * is the key's `kid`, else `defaultProducer`.
 */
export function importSigningKey(jwk: string | object, defaultProducer: string): EventSigningKey {
  const parsed = (typeof jwk === 'string' ? JSON.parse(jwk) : jwk) as JsonWebKey & {
    kid?: string;
  };
  if (typeof parsed.d !== 'string') throw new Error('the event signing key has no private part');
  const key = asEd25519(createPrivateKey({ key: parsed, format: 'jwk' }), 'the signing key');
  return { producer: parsed.kid || defaultProducer, key };
}

/** Reads `{"<producer>": <public JWK>, …}`; a private key there is refused (it would leak). */
export function importVerifyKeys(json: string | object): Map<string, KeyObject> {
  const parsed = (typeof json === 'string' ? JSON.parse(json) : json) as Record<string, JsonWebKey>;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('the event verification keys must be an object {"<producer>": <JWK>}');
  const keys = new Map<string, KeyObject>();
  for (const [producer, jwk] of Object.entries(parsed)) {
    if ('d' in jwk) throw new Error(`the verification key of ${producer} is a private key`);
    keys.set(
      producer,
      asEd25519(createPublicKey({ key: jwk, format: 'jwk' }), `the key of ${producer}`),
    );
  }
  return keys;
}

/** Signs an envelope (as it will travel: parsed back from its JSON) for a contract topic. */
export function signEvent(topic: string, envelope: object, signer: EventSigningKey): string {
  const header: EventSignatureHeader = {
    alg: 'EdDSA',
    typ: EVENT_SIGNATURE_TYPE,
    kid: signer.producer,
    topic,
  };
  const protectedHeader = b64url(JSON.stringify(header));
  const input = `${protectedHeader}.${b64url(canonicalJson(envelope))}`;
  return `${protectedHeader}..${sign(null, Buffer.from(input), signer.key).toString('base64url')}`;
}

function readHeader(encoded: string): EventSignatureHeader | undefined {
  try {
    const header = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    const known = new Set(['alg', 'typ', 'kid', 'topic']);
    if (
      header.alg !== 'EdDSA' ||
      header.typ !== EVENT_SIGNATURE_TYPE ||
      typeof header.kid !== 'string' ||
      typeof header.topic !== 'string' ||
      Object.keys(header).some((name) => !known.has(name))
    )
      return undefined;
    return header as unknown as EventSignatureHeader;
  } catch {
    return undefined;
  }
}

/**
 * Checks, in order: a signature is there and well formed; it was made by the producer the
 * envelope claims, with that producer's key; nothing signed has changed; it was signed for
 * `topic`, the topic the event is being handled as; and the catalog lets that producer
 * publish on that topic.
 */
export function verifyEventSignature(
  signature: string | undefined,
  topic: string,
  envelope: object,
  keys: ReadonlyMap<string, KeyObject>,
): SignatureCheck {
  if (!signature)
    return { ok: false, code: 'EVENT.SIGNATURE_MISSING', reason: 'the event is not signed' };
  const parts = signature.split('.');
  const header = parts.length === 3 && parts[1] === '' ? readHeader(parts[0]) : undefined;
  if (!header)
    return {
      ok: false,
      code: 'EVENT.SIGNATURE_INVALID',
      reason: 'the signature is not a detached EdDSA event JWS',
    };
  const { producer } = envelope as { producer?: unknown };
  const claimed = typeof producer === 'string' ? producer : '(none)';
  if (header.kid !== claimed)
    return {
      ok: false,
      code: 'EVENT.SIGNATURE_INVALID',
      reason: `signed by ${header.kid}, but the envelope claims producer ${claimed}`,
    };
  const key = keys.get(header.kid);
  if (!key)
    return {
      ok: false,
      code: 'EVENT.PRODUCER_UNKNOWN',
      reason: `no public key is configured for producer ${header.kid}`,
    };
  const input = Buffer.from(`${parts[0]}.${b64url(canonicalJson(envelope))}`);
  if (!verify(null, input, key, Buffer.from(parts[2], 'base64url')))
    return {
      ok: false,
      code: 'EVENT.SIGNATURE_INVALID',
      reason: `the signature does not match the event or is not ${header.kid}'s`,
    };
  if (header.topic !== topic)
    return {
      ok: false,
      code: 'EVENT.TOPIC_MISMATCH',
      reason: `signed for ${header.topic}, handled as ${topic}`,
    };
  const allowed = isKnownTopic(topic) ? EVENT_CATALOG[topic as TopicName].producer : undefined;
  if (allowed !== 'any' && allowed !== header.kid)
    return {
      ok: false,
      code: 'EVENT.PRODUCER_NOT_ALLOWED',
      reason: `${header.kid} may not publish ${topic}${allowed ? ` (only ${allowed})` : ''}`,
    };
  return { ok: true, producer: header.kid };
}
