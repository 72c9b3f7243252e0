/** The state of one dependency as /health reports it. */
export interface DependencyHealth {
  status: 'up' | 'down' | 'not-used';
  /** How long the check took, or why it failed. */
  latencyMs?: number;
  error?: string;
  [detail: string]: unknown;
}

/** A dependency that /health checks: the database, Kafka, later each agency breaker. */
export interface HealthIndicator {
  readonly name: string;
  check(): Promise<DependencyHealth>;
}

/** Multi-provider token: every HealthIndicator registered under it is reported. */
export const HEALTH_INDICATORS = Symbol('HEALTH_INDICATORS');

/** Runs a check with a deadline so that /health answers even when a dependency hangs. */
export async function timedCheck(
  fn: () => Promise<Record<string, unknown> | void>,
  timeoutMs = 2000,
): Promise<DependencyHealth> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const detail = await Promise.race([
      fn(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: 'up', latencyMs: Date.now() - started, ...(detail ?? {}) };
  } catch (err) {
    return {
      status: 'down',
      latencyMs: Date.now() - started,
      error: err instanceof Error ? err.message : String(err),
    };
  } finally {
    clearTimeout(timer);
  }
}
