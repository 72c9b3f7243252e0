import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { TokenVerifier } from './token-verifier';

// The signature check itself, counted (the rest of jose as it is).
jest.mock('jose', () => {
  const actual = jest.requireActual<typeof import('jose')>('jose');
  return { ...actual, jwtVerify: jest.fn(actual.jwtVerify) };
});
const signatureChecks = jwtVerify as jest.MockedFunction<typeof jwtVerify>;

/**
 * The verifier remembers tokens it has checked (issue 18: a signature check per request was
 * a measurable share of the services' CPU); what it accepts and refuses must not change. A
 * local issuer publishes its key the way Keycloak does (discovery document, then JWKS).
 */
describe('TokenVerifier', () => {
  let server: Server;
  let issuer: string;
  let sign: (claims: Record<string, unknown>, expiresInS: number) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration')
        return res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/certs` }));
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    sign = (claims, expiresInS) =>
      new SignJWT({ typ: 'Bearer', realm_access: { roles: ['counter-officer'] }, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(issuer)
        .setAudience('lien-thong')
        .setSubject('u-1')
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInS)
        .sign(privateKey);
  });

  afterAll(() => {
    jest.useRealTimers();
    server.close();
  });

  it("checks a token's signature once, and answers the same actor again", async () => {
    const verifier = new TokenVerifier(issuer, 'lien-thong');
    const token = await sign({ preferred_username: 'canbo1' }, 300);
    signatureChecks.mockClear();
    const first = await verifier.verify(token);
    const again = await verifier.verify(token);
    expect(again).toEqual(first);
    expect(first.roles).toContain('counter-officer');
    expect(signatureChecks).toHaveBeenCalledTimes(1);
    // Another token of the same person is checked on its own.
    await verifier.verify(await sign({ preferred_username: 'canbo1', jti: 'other' }, 300));
    expect(signatureChecks).toHaveBeenCalledTimes(2);
  });

  it('refuses a token once it has expired, though it accepted it before', async () => {
    const verifier = new TokenVerifier(issuer, 'lien-thong');
    const token = await sign({}, 60);
    await expect(verifier.verify(token)).resolves.toBeDefined();
    // Only the clock moves: 60 s of validity and the 30 s of tolerance are over.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval'] });
    jest.setSystemTime(Date.now() + 95_000);
    await expect(verifier.verify(token)).rejects.toThrow(/exp/);
    jest.useRealTimers();
  });

  it('refuses a token whose signature differs from one it accepted, and another audience', async () => {
    const verifier = new TokenVerifier(issuer, 'lien-thong');
    const token = await sign({}, 300);
    await verifier.verify(token);
    const [header, payload, signature] = token.split('.');
    const tampered = `${header}.${payload}.${signature.slice(0, -4)}AAAA`;
    await expect(verifier.verify(tampered)).rejects.toThrow();
    const forAnother = new TokenVerifier(issuer, 'another-client');
    await expect(forAnother.verify(token)).rejects.toThrow(/aud/);
  });
});
