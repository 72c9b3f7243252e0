import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { AgencyClient } from './agency-client';
import { AgencyFailedError, AgencyRejectedError, AgencyUnavailableError } from './agency-errors';
import { AgencyPolicy, DEFAULT_POLICY } from './agency-policy';
import { runInContext } from '@lien-thong/platform';

/** A stand-in agency on loopback whose behaviour each test sets. */
class FakeAgency {
  received = 0;
  aborted = 0;
  behaviour: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) =>
    res.end('{"ok":true}');
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.received++;
      res.on('close', () => {
        if (!res.writableFinished) this.aborted++;
      });
      this.behaviour(req, res);
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}

const policy: AgencyPolicy = {
  ...DEFAULT_POLICY,
  timeoutMs: 300,
  volumeThreshold: 4,
  errorThresholdPercentage: 50,
  resetTimeoutMs: 400,
  retries: 0,
  maxConcurrent: 2,
  maxQueue: 1,
};

describe('AgencyClient', () => {
  const agency = new FakeAgency();
  let baseUrl: string;
  const states: string[] = [];
  let client: AgencyClient;

  beforeEach(async () => {
    baseUrl = await agency.start();
    agency.received = 0;
    agency.aborted = 0;
    states.length = 0;
    client = new AgencyClient('e-tax', baseUrl, policy, (_a, s) => states.push(s));
  });
  afterEach(async () => {
    client.shutdown();
    await agency.stop();
  });

  const post = () =>
    client.call({
      method: 'POST',
      path: '/etax/v1/filings',
      body: { filingId: 'F1' },
      idempotent: false,
    });

  it('opens after its threshold, then rejects without calling the agency, half-opens after the reset time and closes on success', async () => {
    agency.behaviour = (_req, res) => {
      res.statusCode = 503;
      res.end();
    };
    for (let i = 0; i < 4; i++) await expect(post()).rejects.toBeInstanceOf(AgencyFailedError);
    expect(client.state).toBe('OPEN');
    const before = agency.received;
    await expect(post()).rejects.toMatchObject({ code: 'AGENCY.UNAVAILABLE', agency: 'e-tax' });
    expect(agency.received).toBe(before);

    await new Promise((r) => setTimeout(r, 450));
    expect(client.state).toBe('HALF_OPEN');
    agency.behaviour = (_req, res) => res.end('{"filingId":"F1"}');
    await expect(post()).resolves.toEqual({ filingId: 'F1' });
    expect(client.state).toBe('CLOSED');
    expect(states).toEqual(['OPEN', 'HALF_OPEN', 'CLOSED']);
  });

  it('sends the correlation id of the dossier being handled, so that the agency logs the same id', async () => {
    let seen: string | undefined;
    agency.behaviour = (req, res) => {
      seen = req.headers['x-correlation-id'] as string | undefined;
      res.end('{"ok":true}');
    };
    await runInContext({ correlationId: 'c-dossier-42' }, post);
    expect(seen).toBe('c-dossier-42');
    await post();
    expect(seen).toBeUndefined();
  });

  it('counts a 4xx answer as the caller’s error: returned as such, never tripping the breaker', async () => {
    agency.behaviour = (_req, res) => {
      res.statusCode = 422;
      res.end('{"code":"FILING.INCOMPLETE"}');
    };
    for (let i = 0; i < 6; i++) {
      await expect(post()).rejects.toEqual(
        new AgencyRejectedError('e-tax', 422, { code: 'FILING.INCOMPLETE' }),
      );
    }
    expect(client.state).toBe('CLOSED');
  });

  it('aborts the HTTP request itself on timeout, so the agency sees the call cancelled', async () => {
    agency.behaviour = (_req, res) => setTimeout(() => res.end('{}'), 2_000).unref();
    await expect(post()).rejects.toMatchObject({ timedOut: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(agency.aborted).toBe(1);
  });

  it('retries idempotent calls only', async () => {
    const retrying = new AgencyClient('justice-registry', baseUrl, {
      ...policy,
      retries: 2,
      retryBaseMs: 5,
      volumeThreshold: 100,
    });
    agency.behaviour = (_req, res) => {
      res.statusCode = agency.received < 3 ? 503 : 200;
      res.end('{"status":"CLEAR"}');
    };
    await expect(retrying.call({ method: 'GET', path: '/x', idempotent: true })).resolves.toEqual({
      status: 'CLEAR',
    });
    expect(agency.received).toBe(3);
    agency.received = 0;
    await expect(
      retrying.call({ method: 'POST', path: '/x', idempotent: false }),
    ).rejects.toBeInstanceOf(AgencyFailedError);
    expect(agency.received).toBe(1);
    retrying.shutdown();
  });

  it('refuses at once when every slot and the queue are taken (bulkhead)', async () => {
    agency.behaviour = (_req, res) => setTimeout(() => res.end('{}'), 100).unref();
    const calls = [post(), post(), post()]; // 2 running, 1 queued
    await expect(post()).rejects.toEqual(new AgencyUnavailableError('e-tax', 'bulkhead-full'));
    await Promise.all(calls);
  });
});
