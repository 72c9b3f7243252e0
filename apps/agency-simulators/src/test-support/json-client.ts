/** What a test sees of one HTTP answer. */
export interface JsonAnswer<T = unknown> {
  status: number;
  body: T;
  elapsedMs: number;
}

/**
 * A few lines of fetch for the integration tests: JSON in, JSON (or text) out, timing
 * included so that latency can be asserted. `auth` is sent with every call (the operator's
 * token reaches the simulators' controls). Helpers for tests only.
 */
export function jsonClient(baseUrl: string, auth: Record<string, string> = {}) {
  async function call<T>(method: string, path: string, body?: unknown, signal?: AbortSignal) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      body: (type.includes('json') && text ? JSON.parse(text) : text) as T,
      elapsedMs: performance.now() - started,
    } satisfies JsonAnswer<T>;
  }
  return {
    get: <T = unknown>(path: string, signal?: AbortSignal) =>
      call<T>('GET', path, undefined, signal),
    post: <T = unknown>(path: string, body?: unknown, signal?: AbortSignal) =>
      call<T>('POST', path, body ?? {}, signal),
    put: <T = unknown>(path: string, body: unknown) => call<T>('PUT', path, body),
    delete: <T = unknown>(path: string) => call<T>('DELETE', path),
  };
}
