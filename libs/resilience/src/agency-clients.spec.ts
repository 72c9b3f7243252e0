import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ServiceInfo } from '@lien-thong/platform';
import { AgencyClients } from './agency-clients';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The gate the event consumer asks before retrying work deferred for an agency: hold it
 * while the breaker is open, let one trial through when it half-opens, release all once closed.
 */
describe('AgencyClients as the gate for deferred work', () => {
  let server: Server;
  let up = false;
  let clients: AgencyClients;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.statusCode = up ? 200 : 503;
      res.end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const overrides = JSON.stringify({
      'justice-registry': {
        timeoutMs: 300,
        volumeThreshold: 2,
        errorThresholdPercentage: 50,
        resetTimeoutMs: 300,
        retries: 0,
      },
    });
    clients = new AgencyClients([{ agency: 'justice-registry', baseUrl }], overrides, {
      name: 'gate-spec',
    } as ServiceInfo);
  });

  afterAll(async () => {
    clients.onApplicationShutdown();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const call = () =>
    clients
      .get('justice-registry')
      .call({ method: 'GET', path: '/ping', idempotent: true })
      .then(
        () => 'ok',
        (err: { code?: string }) => err.code,
      );

  it('holds deferred work while the agency is down and releases it, one trial first, once it is back', async () => {
    expect(clients.shouldWait('justice-registry')).toBe(false);
    await call();
    await call();
    expect(clients.get('justice-registry').state).toBe('OPEN');
    expect(clients.shouldWait('justice-registry')).toBe(true);

    up = true;
    await sleep(400);
    expect(clients.get('justice-registry').state).toBe('HALF_OPEN');
    // One deferred event goes through as the trial; the others wait for its verdict.
    expect(clients.shouldWait('justice-registry')).toBe(false);
    expect(clients.shouldWait('justice-registry')).toBe(true);
    expect(await call()).toBe('ok');
    expect(clients.get('justice-registry').state).toBe('CLOSED');
    expect(clients.shouldWait('justice-registry')).toBe(false);
    expect(clients.shouldWait('justice-registry')).toBe(false);
  });

  it('never holds work for an agency this service does not call', () => {
    expect(clients.shouldWait('e-tax')).toBe(false);
  });
});
