/** How one agency is called: its breaker, timeout, retries and bulkhead. */
export interface AgencyPolicy {
  /** A call with no answer by then is aborted (the HTTP request is cancelled) and counts as a failure. */
  timeoutMs: number;
  /** Share of failed calls in the rolling window that opens the breaker. */
  errorThresholdPercentage: number;
  /** Calls needed in the window before the breaker may open at all. */
  volumeThreshold: number;
  /** How long an open breaker waits before letting one trial call through (half-open). */
  resetTimeoutMs: number;
  rollingWindowMs: number;
  /** Extra attempts for idempotent calls, with full-jitter backoff. */
  retries: number;
  retryBaseMs: number;
  maxConcurrent: number;
  maxQueue: number;
}

export const DEFAULT_POLICY: AgencyPolicy = {
  timeoutMs: 3_000,
  errorThresholdPercentage: 50,
  volumeThreshold: 10,
  resetTimeoutMs: 10_000,
  rollingWindowMs: 10_000,
  retries: 2,
  retryBaseMs: 100,
  maxConcurrent: 20,
  maxQueue: 200,
};
