import { generateKeyPairSync, KeyObject, webcrypto } from 'node:crypto';
import { createEnvelope } from './create-envelope';
import {
  canonicalJson,
  EventSigningKey,
  importSigningKey,
  importVerifyKeys,
  signEvent,
  verifyEventSignature,
} from './event-signature';
import { Topics } from './catalog';

function keyPair(producer: string) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const privateJwk = { ...privateKey.export({ format: 'jwk' }), kid: producer };
  return {
    signer: importSigningKey(JSON.stringify(privateJwk), 'unused'),
    publicJwk: publicKey.export({ format: 'jwk' }),
  };
}

const tax = keyPair('tax-obligation');
const land = keyPair('land-registry');
const keys: Map<string, KeyObject> = importVerifyKeys(
  JSON.stringify({ 'tax-obligation': tax.publicJwk, 'land-registry': land.publicJwk }),
);

/** An ObligationsPaid as tax-obligation sends it, parsed back from its JSON as consumers see it. */
function paid(producer = 'tax-obligation') {
  const envelope = createEnvelope(
    Topics.ObligationsPaid,
    '000.00.04.H26-260701-0001',
    {
      dossierCode: '000.00.04.H26-260701-0001',
      assessmentId: 'a-1',
      amountVnd: 12_500_000,
      paidAt: '2026-07-02T03:00:00.000Z',
      transactionId: 'TX-1',
      late: false,
    } as never,
    producer,
    { correlationId: 'c-1', causationId: 'e-0' },
  );
  return JSON.parse(JSON.stringify(envelope)) as Record<string, unknown> & {
    payload: Record<string, unknown>;
  };
}

const sign = (topic: string, envelope: object, signer: EventSigningKey = tax.signer) =>
  signEvent(topic, envelope, signer);

describe('event signatures', () => {
  it('accepts an event signed by the producer the catalog names for its topic', () => {
    const event = paid();
    const signature = sign(Topics.ObligationsPaid, event);
    expect(signature).toMatch(/^[\w-]+\.\.[\w-]+$/);
    expect(verifyEventSignature(signature, Topics.ObligationsPaid, event, keys)).toEqual({
      ok: true,
      producer: 'tax-obligation',
    });
  });

  it('is a standard detached JWS: RFC 7515 verification over the canonical envelope passes', async () => {
    // What any JWS library does with a detached payload, done by hand with WebCrypto.
    const event = paid();
    const [header, , signature] = sign(Topics.ObligationsPaid, event).split('.');
    const payload = Buffer.from(canonicalJson(event)).toString('base64url');
    const key = await webcrypto.subtle.importKey('jwk', tax.publicJwk, 'Ed25519', false, [
      'verify',
    ]);
    const valid = await webcrypto.subtle.verify(
      'Ed25519',
      key,
      Buffer.from(signature, 'base64url'),
      Buffer.from(`${header}.${payload}`),
    );
    expect(valid).toBe(true);
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
      alg: 'EdDSA',
      typ: 'lien-thong-event+jws',
      kid: 'tax-obligation',
      topic: Topics.ObligationsPaid,
    });
  });

  it('does not depend on the order of the fields in the JSON', () => {
    const event = paid();
    const reordered = Object.fromEntries(Object.entries(event).reverse());
    reordered.payload = Object.fromEntries(Object.entries(event.payload).reverse());
    expect(canonicalJson(reordered)).toBe(canonicalJson(event));
    expect(
      verifyEventSignature(
        sign(Topics.ObligationsPaid, event),
        Topics.ObligationsPaid,
        reordered,
        keys,
      ).ok,
    ).toBe(true);
  });

  it('refuses an event without a signature', () => {
    expect(verifyEventSignature(undefined, Topics.ObligationsPaid, paid(), keys)).toMatchObject({
      ok: false,
      code: 'EVENT.SIGNATURE_MISSING',
    });
  });

  it('refuses a tampered payload, envelope field or signature', () => {
    const event = paid();
    const signature = sign(Topics.ObligationsPaid, event);
    const tampered = [
      { ...event, payload: { ...event.payload, amountVnd: 1 } },
      { ...event, dossierKey: '000.00.04.H26-260701-0002' },
      { ...event, causationId: null },
      { ...event, occurredAt: '2026-07-03T03:00:00.000Z' },
    ];
    for (const envelope of tampered)
      expect(verifyEventSignature(signature, Topics.ObligationsPaid, envelope, keys)).toMatchObject(
        { ok: false, code: 'EVENT.SIGNATURE_INVALID' },
      );
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BA' : 'AA'}`;
    expect(verifyEventSignature(flipped, Topics.ObligationsPaid, event, keys)).toMatchObject({
      code: 'EVENT.SIGNATURE_INVALID',
    });
    expect(verifyEventSignature('not.a-jws', Topics.ObligationsPaid, event, keys)).toMatchObject({
      code: 'EVENT.SIGNATURE_INVALID',
    });
  });

  it('refuses a signature for another topic, and a header naming another topic', () => {
    const event = paid();
    // Signed for the topic it was produced on, handled as another (a forged retry header).
    const signature = sign(Topics.ObligationsPaid, event);
    expect(verifyEventSignature(signature, Topics.ObligationsAssessed, event, keys)).toEqual({
      ok: false,
      code: 'EVENT.TOPIC_MISMATCH',
      reason: `signed for ${Topics.ObligationsPaid}, handled as ${Topics.ObligationsAssessed}`,
    });
    // The topic in the protected header cannot be rewritten either: it is signed.
    const [header, , sig] = signature.split('.');
    const decoded = JSON.parse(Buffer.from(header, 'base64url').toString()) as object;
    const rewritten = Buffer.from(
      JSON.stringify({ ...decoded, topic: Topics.ObligationsAssessed }),
    ).toString('base64url');
    expect(
      verifyEventSignature(`${rewritten}..${sig}`, Topics.ObligationsAssessed, event, keys),
    ).toMatchObject({ code: 'EVENT.SIGNATURE_INVALID' });
  });

  it("refuses another service's key used in the producer's name (a forgery)", () => {
    const event = paid('tax-obligation');
    const forged = sign(Topics.ObligationsPaid, event, {
      producer: 'tax-obligation',
      key: land.signer.key,
    });
    expect(verifyEventSignature(forged, Topics.ObligationsPaid, event, keys)).toMatchObject({
      ok: false,
      code: 'EVENT.SIGNATURE_INVALID',
    });
    // Signed honestly by the land registry, while the envelope claims the tax authority.
    const honest = sign(Topics.ObligationsPaid, event, land.signer);
    expect(verifyEventSignature(honest, Topics.ObligationsPaid, event, keys)).toMatchObject({
      code: 'EVENT.SIGNATURE_INVALID',
      reason: 'signed by land-registry, but the envelope claims producer tax-obligation',
    });
  });

  it('refuses a producer with no configured key, and one the catalog does not allow on the topic', () => {
    const stranger = keyPair('intruder');
    const event = paid('intruder');
    expect(
      verifyEventSignature(
        sign(Topics.ObligationsPaid, event, stranger.signer),
        Topics.ObligationsPaid,
        event,
        keys,
      ),
    ).toMatchObject({ ok: false, code: 'EVENT.PRODUCER_UNKNOWN' });
    const byLand = paid('land-registry');
    expect(
      verifyEventSignature(
        sign(Topics.ObligationsPaid, byLand, land.signer),
        Topics.ObligationsPaid,
        byLand,
        keys,
      ),
    ).toEqual({
      ok: false,
      code: 'EVENT.PRODUCER_NOT_ALLOWED',
      reason: `land-registry may not publish ${Topics.ObligationsPaid} (only tax-obligation)`,
    });
    // A topic any service may announce on.
    const availability = { ...paid('land-registry'), type: 'AgencyAvailabilityChanged' };
    expect(
      verifyEventSignature(
        sign(Topics.AgencyAvailabilityChanged, availability, land.signer),
        Topics.AgencyAvailabilityChanged,
        availability,
        keys,
      ).ok,
    ).toBe(true);
  });

  it('refuses keys that are not Ed25519, and private keys among the public ones', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(() =>
      importSigningKey(JSON.stringify(rsa.privateKey.export({ format: 'jwk' })), 'x'),
    ).toThrow('not an Ed25519 key');
    expect(() => importSigningKey(JSON.stringify(tax.publicJwk), 'tax-obligation')).toThrow(
      'no private part',
    );
    const { privateKey } = generateKeyPairSync('ed25519');
    expect(() =>
      importVerifyKeys(JSON.stringify({ leaky: privateKey.export({ format: 'jwk' }) })),
    ).toThrow('the verification key of leaky is a private key');
  });
});
