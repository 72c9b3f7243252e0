import { signWebhook, webhookSignatureProblem } from './webhook-signature';

const SECRET = 'a-secret-shared-with-the-justice-registry';
const BODY = '{"parcel":{"communeCode":"00004","mapSheetNumber":12,"parcelNumber":105}}';

describe('agency webhook signatures', () => {
  const now = Date.parse('2026-12-05T10:00:00Z');

  it('accepts a fresh signature of the exact body', () => {
    expect(webhookSignatureProblem(SECRET, signWebhook(SECRET, BODY, now), BODY, now)).toBeNull();
  });

  it('refuses a missing, malformed, altered, foreign or stale signature, saying which', () => {
    const good = signWebhook(SECRET, BODY, now);
    expect(webhookSignatureProblem(SECRET, undefined, BODY, now)).toBe('no signature');
    expect(webhookSignatureProblem(SECRET, 'sha256=abc', BODY, now)).toBe('malformed signature');
    expect(webhookSignatureProblem(SECRET, good, BODY.replace('105', '106'), now)).toBe(
      'signature does not match',
    );
    expect(
      webhookSignatureProblem(SECRET, signWebhook('someone-else-entirely', BODY, now), BODY, now),
    ).toBe('signature does not match');
    expect(webhookSignatureProblem(SECRET, good, BODY, now + 6 * 60_000)).toBe('stale signature');
  });

  it('binds the timestamp: moving it forward breaks the signature (no replay with a new time)', () => {
    const good = signWebhook(SECRET, BODY, now);
    const moved = good.replace(/t=\d+/, `t=${Math.floor(now / 1000) + 100}`);
    expect(webhookSignatureProblem(SECRET, moved, BODY, now + 100_000)).toBe(
      'signature does not match',
    );
  });
});
