import CircuitBreaker from 'opossum';
import { Agency, BreakerState } from '@lien-thong/contracts';
import { AgencyFailedError, AgencyRejectedError, AgencyUnavailableError } from './agency-errors';
import { AgencyPolicy } from './agency-policy';
import { Bulkhead } from './bulkhead';
import { currentContext, HttpAnswer, httpCall, HttpTimeoutError } from '@lien-thong/platform';
import { countUnavailable, measuredCall } from './agency-metrics';

export interface AgencyRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  /** Only idempotent calls are retried (a GET, or a POST carrying its own idempotency id). */
  idempotent: boolean;
}

export type BreakerListener = (agency: Agency, state: BreakerState) => void;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one way to call an external agency: through its own circuit breaker, with a timeout
 * that really cancels the HTTP request (httpCall), retries with full jitter for
 * idempotent calls only, and a bulkhead. A 4xx answer is our error: it is returned as
 * AgencyRejectedError and does not count against the agency.
 */
export class AgencyClient {
  private readonly breaker: CircuitBreaker<[AgencyRequest], unknown>;
  private readonly bulkhead: Bulkhead;

  constructor(
    readonly agency: Agency,
    private readonly baseUrl: string,
    readonly policy: AgencyPolicy,
    onStateChange: BreakerListener = () => undefined,
  ) {
    this.bulkhead = new Bulkhead(policy.maxConcurrent, policy.maxQueue);
    this.breaker = new CircuitBreaker(
      (request: AgencyRequest) => measuredCall(agency, () => this.send(request)),
      {
        name: agency,
        timeout: false, // send() aborts the request itself, so that the agency sees the cancel
        errorThresholdPercentage: policy.errorThresholdPercentage,
        volumeThreshold: policy.volumeThreshold,
        resetTimeout: policy.resetTimeoutMs,
        rollingCountTimeout: policy.rollingWindowMs,
        errorFilter: (err: unknown) => err instanceof AgencyRejectedError,
      },
    );
    this.breaker.on('open', () => onStateChange(agency, 'OPEN'));
    this.breaker.on('halfOpen', () => onStateChange(agency, 'HALF_OPEN'));
    this.breaker.on('close', () => onStateChange(agency, 'CLOSED'));
  }

  get state(): BreakerState {
    if (this.breaker.opened) return 'OPEN';
    return this.breaker.halfOpen ? 'HALF_OPEN' : 'CLOSED';
  }

  get stats(): {
    state: BreakerState;
    failures: number;
    successes: number;
    rejects: number;
    timeouts: number;
  } {
    const s = this.breaker.stats;
    return {
      state: this.state,
      failures: s.failures,
      successes: s.successes,
      rejects: s.rejects,
      timeouts: s.timeouts,
    };
  }

  async call<T>(request: AgencyRequest): Promise<T> {
    return this.bulkhead
      .run(
        () => this.withRetries<T>(request),
        () => new AgencyUnavailableError(this.agency, 'bulkhead-full'),
      )
      .catch((err: unknown) => {
        if (err instanceof AgencyUnavailableError) countUnavailable(err);
        throw err;
      });
  }

  private async withRetries<T>(request: AgencyRequest): Promise<T> {
    const attempts = request.idempotent ? this.policy.retries + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.breaker.fire(request)) as T;
      } catch (err) {
        const opened = (err as { code?: string }).code === 'EOPENBREAKER';
        if (opened) throw new AgencyUnavailableError(this.agency, 'breaker-open');
        if (err instanceof AgencyRejectedError || attempt >= attempts) throw err;
        // Full jitter: a random wait up to base × 2^attempt spreads out a crowd of retries.
        await sleep(Math.random() * this.policy.retryBaseMs * 2 ** attempt);
      }
    }
  }

  private async send(request: AgencyRequest): Promise<unknown> {
    let response: HttpAnswer;
    try {
      response = await httpCall(`${this.baseUrl}${request.path}`, {
        method: request.method,
        headers: {
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          // The dossier's correlation id goes with the call: the agency's logs (the
          // simulators' included) carry the same id as ours.
          ...correlationHeader(),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        timeoutMs: this.policy.timeoutMs,
      });
    } catch (err) {
      throw new AgencyFailedError(
        this.agency,
        (err as Error).message,
        err instanceof HttpTimeoutError,
      );
    }
    const body: unknown = response.text ? safeJson(response.text) : null;
    if (response.status >= 400 && response.status < 500)
      throw new AgencyRejectedError(this.agency, response.status, body);
    if (!response.ok) throw new AgencyFailedError(this.agency, `HTTP ${response.status}`);
    return body;
  }

  shutdown(): void {
    this.breaker.shutdown();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function correlationHeader(): Record<string, string> {
  const id = currentContext()?.correlationId;
  return id ? { 'x-correlation-id': id } : {};
}
