import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGateway } from './gateway';
import { loadWebGatewayConfig } from './config/web-gateway.config';
import { upstreamUrl } from './proxy/api-proxy';

/** The gateway against a plain HTTP server standing in for the land registry. */
describe('web gateway', () => {
  let upstream: Server;
  let gateway: Server;
  let base: string;
  let dir: string;
  let issuerOrigin: string;
  const seen: { url?: string; authorization?: string; body?: string } = {};

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        Object.assign(seen, { url: req.url, authorization: req.headers.authorization, body });
        res.writeHead(422, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'DOSSIER.INVALID', message: 'Hồ sơ chưa hợp lệ' }));
      });
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    dir = mkdtempSync(join(tmpdir(), 'web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>liên thông</title>');
    const port = (upstream.address() as AddressInfo).port;
    const config = loadWebGatewayConfig({
      PORT: '1',
      API_LAND_REGISTRY_URL: `http://127.0.0.1:${port}`,
      API_TAX_OBLIGATION_URL: 'http://127.0.0.1:1',
      OIDC_ISSUER_URL: `http://127.0.0.1:${port}/realms/lien-thong`,
      WEB_STATIC_DIR: dir,
      UPSTREAM_TIMEOUT_MS: '2000',
    });
    gateway = createGateway(config).listen(0, '127.0.0.1');
    await new Promise((r) => gateway.once('listening', r));
    base = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
    issuerOrigin = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await new Promise((r) => gateway.close(r));
    await new Promise((r) => upstream.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes an API call, its token and body to the service and its error back', async () => {
    const res = await fetch(`${base}/api/land-registry/dossiers/transfers?x=1`, {
      method: 'POST',
      headers: { authorization: 'Bearer abc', 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'COUNTER' }),
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ code: 'DOSSIER.INVALID', message: 'Hồ sơ chưa hợp lệ' });
    expect(seen).toEqual({
      url: '/dossiers/transfers?x=1',
      authorization: 'Bearer abc',
      body: '{"channel":"COUNTER"}',
    });
  });

  it('answers in Vietnamese when a service is down', async () => {
    const res = await fetch(`${base}/api/tax-obligation/health`);
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ code: 'GATEWAY.SERVICE_UNAVAILABLE' });
  });

  it('serves the application for its own routes, with a policy naming the identity provider', async () => {
    const res = await fetch(`${base}/tra-cuu?ma=X`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('liên thông');
    expect(res.headers.get('content-security-policy')).toContain(
      `connect-src 'self' ${issuerOrigin}`,
    );
  });

  it('tells the browser where to log in', async () => {
    const res = await fetch(`${base}/config.json`);
    expect(await res.json()).toMatchObject({
      issuer: `${issuerOrigin}/realms/lien-thong`,
      oidcProxyPath: '/oidc',
      clientId: 'lien-thong-web',
      services: expect.arrayContaining(['land-registry', 'construction']) as unknown,
    });
  });

  it('relays the token endpoint of the identity provider, and nothing else of it', async () => {
    const res = await fetch(`${base}/oidc/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=authorization_code&code=abc',
    });
    expect(res.status).toBe(422);
    expect(seen).toMatchObject({
      url: '/realms/lien-thong/protocol/openid-connect/token',
      body: 'grant_type=authorization_code&code=abc',
    });
    expect((await fetch(`${base}/oidc/admin/realms`)).status).toBe(404);
  });

  it('never proxies outside a known service', () => {
    const services = loadWebGatewayConfig({}).services;
    expect(upstreamUrl(services, '/land-registry/../admin')).toBeNull();
    expect(upstreamUrl(services, '/kafka/topics')).toBeNull();
    expect(upstreamUrl(services, '/land-registry')?.href).toBe('http://127.0.0.1:3000/');
  });
});
