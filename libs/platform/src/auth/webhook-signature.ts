import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header another agency's system signs its calls with. */
export const SIGNATURE_HEADER = 'x-lien-thong-signature';

/** How old a signed call may be (seconds): older ones are refused as possible replays. */
export const SIGNATURE_TOLERANCE_S = 300;

function mac(secret: string, timestamp: number, body: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** The header value for a body: `t=<unix seconds>,v1=<HMAC-SHA256 of "t.body">`. */
export function signWebhook(secret: string, body: Buffer | string, now = Date.now()): string {
  const timestamp = Math.floor(now / 1000);
  return `t=${timestamp},v1=${mac(secret, timestamp, body)}`;
}

/** Why a signature is refused, or null when it is good. */
export function webhookSignatureProblem(
  secret: string,
  header: string | undefined,
  body: Buffer | string,
  now = Date.now(),
): string | null {
  if (!header) return 'no signature';
  const parts = Object.fromEntries(
    header.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()];
    }),
  );
  const timestamp = Number(parts['t']);
  const given = parts['v1'];
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given ?? ''))
    return 'malformed signature';
  if (Math.abs(now / 1000 - timestamp) > SIGNATURE_TOLERANCE_S) return 'stale signature';
  const expected = Buffer.from(mac(secret, timestamp, body), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) return 'signature does not match';
  return null;
}
