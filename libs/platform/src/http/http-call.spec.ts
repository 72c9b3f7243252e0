import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { httpCall, HttpTimeoutError } from './http-call';

/** A server on loopback whose answer each test sets; it counts connections and cancels. */
class Peer {
  connections = 0;
  cancelled = 0;
  received: { method?: string; headers: IncomingMessage['headers']; body: string }[] = [];
  answer: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end('{}');
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        this.received.push({ method: req.method, headers: req.headers, body });
        res.on('close', () => {
          if (!res.writableFinished) this.cancelled++;
        });
        this.answer(req, res);
      });
    });
    this.server.on('connection', () => this.connections++);
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('httpCall', () => {
  const peer = new Peer();
  let base: string;

  beforeEach(async () => {
    peer.connections = 0;
    peer.cancelled = 0;
    peer.received = [];
    peer.answer = (_req, res) => res.end('{}');
    base = await peer.start();
  });
  afterEach(() => peer.stop());

  it('sends the method, headers and body, and returns the status and the whole text', async () => {
    const body = JSON.stringify({ text: 'Hồ sơ đã được tiếp nhận' });
    peer.answer = (_req, res) => {
      res.statusCode = 201;
      // An answer in two pieces, a multi-byte character cut between them.
      const bytes = Buffer.from('{"trạngThái":"đã gửi"}');
      res.write(bytes.subarray(0, 4));
      setTimeout(() => res.end(bytes.subarray(4)), 10);
    };
    const answer = await httpCall(`${base}/sms/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'c-1' },
      body,
      timeoutMs: 1_000,
    });
    expect(answer).toEqual({ status: 201, ok: true, text: '{"trạngThái":"đã gửi"}' });
    expect(peer.received).toEqual([
      expect.objectContaining({
        method: 'POST',
        body,
        headers: expect.objectContaining({
          'content-type': 'application/json',
          'x-correlation-id': 'c-1',
          'content-length': String(Buffer.byteLength(body)),
        }),
      }),
    ]);
  });

  it('returns an error status as an answer, not as a failure of the call', async () => {
    peer.answer = (_req, res) => {
      res.statusCode = 503;
      res.end('{"code":"MAINTENANCE"}');
    };
    expect(await httpCall(`${base}/down`, { timeoutMs: 1_000 })).toEqual({
      status: 503,
      ok: false,
      text: '{"code":"MAINTENANCE"}',
    });
  });

  it('cancels a call past its timeout: the peer sees it cancelled, the caller a TimeoutError', async () => {
    peer.answer = (_req, res) => setTimeout(() => res.end('{}'), 2_000).unref();
    const call = httpCall(`${base}/slow`, { timeoutMs: 200 });
    await expect(call).rejects.toBeInstanceOf(HttpTimeoutError);
    await expect(call).rejects.toMatchObject({
      name: 'TimeoutError',
      message: 'no answer within 200 ms',
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(peer.cancelled).toBe(1);
  });

  it('leaves no timer behind once answered', async () => {
    const before = timers();
    await httpCall(`${base}/fast`, { timeoutMs: 60_000 });
    expect(timers()).toBe(before);
  });

  it('keeps the connection open for the next call', async () => {
    for (let i = 0; i < 3; i++) await httpCall(`${base}/again`, { timeoutMs: 1_000 });
    expect(peer.received).toHaveLength(3);
    expect(peer.connections).toBe(1);
  });

  it('fails, rather than returning part of it, when the answer is cut off', async () => {
    peer.answer = (_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"partial":');
      setTimeout(() => res.socket?.destroy(), 10);
    };
    const call = httpCall(`${base}/cut`, { timeoutMs: 5_000 });
    await expect(call).rejects.toThrow();
    await expect(call).rejects.not.toBeInstanceOf(HttpTimeoutError);
  });

  it('refuses a URL that is not http or https', async () => {
    await expect(httpCall('ftp://127.0.0.1/x', { timeoutMs: 1_000 })).rejects.toThrow(
      'not an http(s) URL: ftp:',
    );
  });
});
