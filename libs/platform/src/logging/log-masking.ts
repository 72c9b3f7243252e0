import { maskPersonalText } from '../auth/masking';

/** What replaces an address, a secret or a token in a log line. */
export const REDACTED = '[redacted]';

/** Keys whose values are addresses (free text the masking patterns cannot recognise). */
const ADDRESS_KEY = /^(address|addresses|diaChi|permanentAddress|residence|street)$/i;
/** Keys whose values must never reach a log at all. */
const SECRET_KEY =
  /^(password|secret|trackingSecret|token|accessToken|refreshToken|authorization|cookie|set-cookie|x-lien-thong-signature|signature|privateKey|EVENT_SIGNING_KEY|KAFKA_SASL_PASSWORD)$/i;
/** An address or secret written inside a string: `"address":"…"`, `address=…`. */
const INLINE_FIELD =
  /((?:"|\b)(?:address|diaChi|trackingSecret|secret|password|token)"?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|[^,;&}\]\n]*)/giu;
/** A UUID is never personal data; its 12-digit groups must not be mistaken for citizen IDs. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_DEPTH = 8;

/**
 * A log message with personal data masked as in lists (citizen IDs, phones, e-mails:
 * libs/platform/src/auth/masking.ts), and addresses and secrets that appear as fields of
 * JSON or query-like text redacted.
 */
export function maskLogText(text: string): string {
  if (UUID.test(text)) return text;
  return maskPersonalText(
    text.replace(INLINE_FIELD, (_m, field: string, value: string) =>
      value.startsWith('"') ? `${field}"${REDACTED}"` : `${field}${REDACTED}`,
    ),
  );
}

/**
 * What a log line may carry of a value: every string masked (maskLogText), the values of
 * address and secret keys redacted whatever their shape, errors reduced to their type,
 * message and stack (masked too). A copy; the value is not changed.
 */
export function maskForLog(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return maskLogText(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  if (seen.has(value) || depth >= MAX_DEPTH) return '[…]';
  seen.add(value);
  if (value instanceof Error) {
    const { code } = value as { code?: unknown };
    return {
      type: value.name,
      message: maskLogText(value.message),
      ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
      ...(value.stack ? { stack: maskLogText(value.stack) } : {}),
    };
  }
  if (Array.isArray(value)) return value.map((v) => maskForLog(v, depth + 1, seen));
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === 'function') return maskForLog(json.call(value), depth + 1, seen);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] =
      (ADDRESS_KEY.test(key) || SECRET_KEY.test(key)) && v !== undefined && v !== null
        ? REDACTED
        : maskForLog(v, depth + 1, seen);
  }
  return out;
}
