import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGateway } from './gateway';
import { loadWebGatewayConfig } from './config/web-gateway.config';
import { GatewayHealth } from './health/gateway-health';

/**
 * The probes an orchestrator polls (Dockerfile HEALTHCHECK, Kubernetes): a plain HTTP
 * server stands in for the land registry, and a temporary folder for the built application.
 */
describe('web gateway health', () => {
  let landRegistry: Server;
  let registryUrl: string;
  let dir: string;
  const running: Server[] = [];

  beforeAll(async () => {
    landRegistry = createServer((req, res) => {
      res.writeHead(req.url === '/health/live' ? 200 : 404).end('{}');
    });
    await new Promise<void>((r) => landRegistry.listen(0, '127.0.0.1', r));
    registryUrl = `http://127.0.0.1:${(landRegistry.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'web-'));
  });
  afterAll(async () => {
    await Promise.all(running.map((s) => new Promise((r) => s.close(r))));
    await new Promise((r) => landRegistry.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  /** A gateway with the given land registry and static folder; returns its origin and health. */
  async function gateway(env: Record<string, string>) {
    const config = loadWebGatewayConfig({ API_LAND_REGISTRY_URL: registryUrl, ...env });
    const health = new GatewayHealth(config, 500);
    const server = createGateway(config, health).listen(0, '127.0.0.1');
    running.push(server);
    await new Promise((r) => server.once('listening', r));
    return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, health };
  }

  it('is ready when the application is built and the land registry answers', async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    const { base } = await gateway({ WEB_STATIC_DIR: dir });
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ok',
      details: { site: { status: 'up' }, 'land-registry': { status: 'up' } },
    });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });

  it('is not ready without the built application, but alive', async () => {
    const { base } = await gateway({ WEB_STATIC_DIR: join(dir, 'missing') });
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      status: 'error',
      details: { site: { status: 'down' }, 'land-registry': { status: 'up' } },
    });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });

  it('is not ready while the land registry does not answer', async () => {
    const { base } = await gateway({
      WEB_STATIC_DIR: dir,
      API_LAND_REGISTRY_URL: 'http://127.0.0.1:1',
    });
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      details: { 'land-registry': { status: 'down', error: 'unreachable' } },
    });
  });

  it('answers 503 once stopping, while still serving the application', async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>liên thông</title>');
    const { base, health } = await gateway({ WEB_STATIC_DIR: dir });
    health.stop();
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'shutting_down' });
    const page = await fetch(`${base}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
  });

  it('refuses a grace period that is not a number of milliseconds', () => {
    expect(() => loadWebGatewayConfig({ SHUTDOWN_GRACE_MS: 'soon' })).toThrow(
      'SHUTDOWN_GRACE_MS must be an integer',
    );
    expect(loadWebGatewayConfig({ SHUTDOWN_GRACE_MS: '5000' }).shutdownGraceMs).toBe(5000);
  });
});
