import { describeError, isAgencyOutage, isPermanent } from './errors';

export type NextStep =
  | { kind: 'retry'; level: number; attempt: number; delayMs: number; deferredBy?: string }
  | { kind: 'dead-letter'; attempts: number; code: string; message: string };

/**
 * What to do with an event whose handler failed on its `attempt`-th try (1-based):
 * - a permanent error goes to the dead letters at once;
 * - an agency outage is deferred, never dead-lettered: an open breaker sends the event,
 *   without using up an attempt, to the slowest level, or to the fastest when the consumer
 *   holds deferred events until the agency is back (`held`, see AgencyGate); a failed call
 *   climbs the levels like any transient error and then stays on the slowest one;
 * - anything else is retried on the next level (1 s, 10 s, 60 s by default), then dead-lettered.
 */
export function nextStep(
  err: unknown,
  attempt: number,
  delaysMs: readonly number[],
  held = false,
): NextStep {
  const { code, message } = describeError(err);
  const slowest = delaysMs.length;
  if (isPermanent(err)) return { kind: 'dead-letter', attempts: attempt, code, message };
  if (isAgencyOutage(err)) {
    const rejected = err.code === 'AGENCY.UNAVAILABLE';
    const level = rejected ? (held ? 1 : slowest) : Math.min(attempt, slowest);
    const counted = rejected ? attempt - 1 : attempt;
    return {
      kind: 'retry',
      level,
      attempt: counted,
      delayMs: delaysMs[level - 1],
      deferredBy: err.agency,
    };
  }
  if (attempt > slowest) return { kind: 'dead-letter', attempts: attempt, code, message };
  return { kind: 'retry', level: attempt, attempt, delayMs: delaysMs[attempt - 1] };
}
