import { Agency } from '@lien-thong/contracts';

/**
 * The agency cannot be asked now (its breaker is open, or too many calls are waiting).
 * Not a failure of the dossier: the consumer pipeline defers the work and retries later,
 * and the dossier says which agency it is waiting for.
 */
export class AgencyUnavailableError extends Error {
  readonly code = 'AGENCY.UNAVAILABLE' as const;

  constructor(
    readonly agency: Agency,
    readonly why: 'breaker-open' | 'bulkhead-full',
  ) {
    super(`${agency} is unavailable (${why})`);
    this.name = 'AgencyUnavailableError';
  }
}

/** The agency answered 4xx: our request was wrong. Never retried, never trips the breaker. */
export class AgencyRejectedError extends Error {
  readonly code = 'AGENCY.REJECTED' as const;

  constructor(
    readonly agency: Agency,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${agency} rejected the request with HTTP ${status}`);
    this.name = 'AgencyRejectedError';
  }
}

/** The agency failed (5xx, network error, or no answer within the timeout). */
export class AgencyFailedError extends Error {
  readonly code = 'AGENCY.FAILED' as const;

  constructor(
    readonly agency: Agency,
    message: string,
    readonly timedOut = false,
  ) {
    super(`${agency}: ${message}`);
    this.name = 'AgencyFailedError';
  }
}
