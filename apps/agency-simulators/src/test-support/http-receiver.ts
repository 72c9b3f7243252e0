import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  body: unknown;
  /** The body as sent, and the signature header, to check the call's signature. */
  raw: string;
  signature?: string;
}

/**
 * A local HTTP server standing for one of our services (webhook or callback receiver), on
 * 127.0.0.1 and a free port. `statuses` are answered in turn (the last one repeats), to
 * make the first deliveries fail.
 */
export async function startHttpReceiver(statuses: number[] = [200]) {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        body: text ? JSON.parse(text) : undefined,
        raw: text,
        signature: req.headers['x-lien-thong-signature'] as string | undefined,
      });
      const status = statuses[Math.min(requests.length - 1, statuses.length - 1)];
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
