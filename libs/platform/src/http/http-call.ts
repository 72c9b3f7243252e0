import * as http from 'node:http';
import * as https from 'node:https';

export interface HttpCall {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  /** Sent as it is; set its content-type in `headers`. */
  body?: string;
  /**
   * For the whole exchange, from connecting to the answer's last byte. Past it the request
   * is destroyed, so the other side sees the call cancelled, and the call fails with
   * HttpTimeoutError.
   */
  timeoutMs: number;
}

export interface HttpAnswer {
  status: number;
  /** A 2xx status, as fetch's Response.ok. */
  ok: boolean;
  /** The body as UTF-8 text ('' when empty). */
  text: string;
}

/** The call had no whole answer within its timeout (its `name` is fetch's, 'TimeoutError'). */
export class HttpTimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

/**
 * Connections kept open between calls. Node's agent closes an idle one a second before the
 * server's `Keep-Alive: timeout` says the server will, so a call is not sent on a
 * connection the server is closing.
 */
const TRANSPORTS = {
  'http:': { module: http, agent: new http.Agent({ keepAlive: true }) },
  'https:': { module: https, agent: new https.Agent({ keepAlive: true }) },
};

/**
 * One HTTP request from a service to another system (an agency, another service of ours),
 * on node:http with kept-alive connections. Not `fetch`: on the benchmark machine a call
 * through fetch cost its caller 177–212 µs of CPU against 55–66 here, and the timer of
 * `AbortSignal.timeout` still fires after the answer, building a DOMException each time
 * (about a tenth of a millisecond more per call; issue 18). Here the timer is cleared with
 * the answer. Rejects with HttpTimeoutError, or with the socket's error.
 */
export function httpCall(url: string, call: HttpCall): Promise<HttpAnswer> {
  const target = new URL(url);
  const transport = TRANSPORTS[target.protocol as keyof typeof TRANSPORTS];
  if (!transport) return Promise.reject(new Error(`not an http(s) URL: ${target.protocol}`));
  return new Promise<HttpAnswer>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const headers: Record<string, string | number> = { ...call.headers };
    if (call.body !== undefined) headers['content-length'] = Buffer.byteLength(call.body);
    const request = transport.module.request(
      target,
      { method: call.method ?? 'GET', headers, agent: transport.agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          settle(() => {
            const status = response.statusCode ?? 0;
            resolve({
              status,
              ok: status >= 200 && status < 300,
              text: Buffer.concat(chunks).toString('utf8'),
            });
          }),
        );
        response.on('error', (err) => settle(() => reject(err)));
        // After 'end' this changes nothing; without it, the answer was cut off.
        response.on('close', () => {
          if (!response.complete)
            settle(() => reject(new Error('the connection closed before the whole answer')));
        });
      },
    );
    const timer = setTimeout(() => {
      settle(() => reject(new HttpTimeoutError(call.timeoutMs)));
      request.destroy();
    }, call.timeoutMs);
    request.on('error', (err) => settle(() => reject(err)));
    request.end(call.body);
  });
}
