import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ServiceAccountLoginError, ServiceAccountToken } from './service-account-token';

async function bodyOf(req: IncomingMessage): Promise<URLSearchParams> {
  let raw = '';
  for await (const chunk of req) raw += String(chunk);
  return new URLSearchParams(raw);
}

/** A token endpoint on loopback, as Keycloak's answers a confidential client. */
describe('ServiceAccountToken', () => {
  let server: Server;
  let issuer: string;
  const logins: URLSearchParams[] = [];
  let expiresIn = 300;
  let delayMs = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      void (async () => {
        const form = await bodyOf(req);
        logins.push(form);
        await new Promise((r) => setTimeout(r, delayMs));
        if (req.url !== '/realms/r/protocol/openid-connect/token') {
          res.statusCode = 404;
          return res.end();
        }
        if (form.get('client_secret') !== 'right') {
          res.statusCode = 401;
          return res.end('{"error":"unauthorized_client"}');
        }
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ access_token: `token-${logins.length}`, expires_in: expiresIn }));
      })();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/r`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  beforeEach(() => {
    logins.length = 0;
    expiresIn = 300;
    delayMs = 0;
  });

  const account = (clientSecret = 'right', timeoutMs = 1_000) =>
    new ServiceAccountToken({ issuerUrl: issuer, clientId: 'svc', clientSecret, timeoutMs });

  it('logs in once with the client credentials and reuses the token while it is valid', async () => {
    const token = account();
    expect(await token.value()).toBe('token-1');
    expect(await token.value()).toBe('token-1');
    expect(logins).toHaveLength(1);
    expect(Object.fromEntries(logins[0])).toEqual({
      grant_type: 'client_credentials',
      client_id: 'svc',
      client_secret: 'right',
    });
  });

  it('shares one login between concurrent callers', async () => {
    delayMs = 100;
    const token = account();
    const values = await Promise.all([token.value(), token.value(), token.value()]);
    expect(values).toEqual(['token-1', 'token-1', 'token-1']);
    expect(logins).toHaveLength(1);
  });

  it('logs in again when the token is about to expire, or after forget()', async () => {
    expiresIn = 20; // within the renewal margin: never reused
    const token = account();
    expect(await token.value()).toBe('token-1');
    expect(await token.value()).toBe('token-2');
    expiresIn = 300;
    expect(await token.value()).toBe('token-3');
    token.forget();
    expect(await token.value()).toBe('token-4');
  });

  it('says why it could not log in: refused, too slow or not configured', async () => {
    await expect(account('wrong').value()).rejects.toThrow(
      new ServiceAccountLoginError('the service account could not log in: HTTP 401'),
    );
    delayMs = 500;
    await expect(account('right', 100).value()).rejects.toThrow(
      /the identity provider did not answer/,
    );
    const none = new ServiceAccountToken({ issuerUrl: issuer, timeoutMs: 1_000 });
    expect(none.configured).toBe(false);
    await expect(none.value()).rejects.toThrow('the service account is not configured');
  });
});
