import { authAs, SAMPLE_USERS } from '../sample-users';
/** HTTP for a harness that must outlive the services it crashes. */
export interface HttpAnswer {
  status: number;
  body: Record<string, unknown>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The operator's token: the simulators' controls, dead letters and messages are theirs. */
export const asOperator = () => authAs(SAMPLE_USERS.operator);
/** The Hà Nội counter officer's token: the backlog and dossiers of the whole province. */
export const asCounter = () => authAs(SAMPLE_USERS.counterHaNoi);

export async function request(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 15_000,
): Promise<HttpAnswer> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    signal: AbortSignal.timeout(timeoutMs),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = { text };
  }
  const json =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : { items: parsed };
  return { status: res.status, body: json };
}

/**
 * Calls until the service answers something other than a network error, a timeout or a
 * 5xx (a crashed or restarting service), as a citizen's browser or the counter would
 * retry; a 4xx is an answer and is returned.
 */
export async function requestUntilAnswered(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
  giveUpAfterMs = 300_000,
): Promise<HttpAnswer> {
  const deadline = Date.now() + giveUpAfterMs;
  for (let attempt = 1; ; attempt++) {
    try {
      const answer = await request(method, url, body, headers);
      if (answer.status < 500) return answer;
      if (Date.now() > deadline)
        throw new Error(`${method} ${url} still answers ${answer.status} after ${attempt} tries`);
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    await sleep(Math.min(2_000, 250 * attempt));
  }
}
