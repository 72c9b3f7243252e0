import { describeError, isDeferral, isPermanent } from './errors';

export type NextStep =
  | { kind: 'retry'; level: number; attempt: number; delayMs: number; deferredBy?: string }
  | { kind: 'dead-letter'; attempts: number; code: string; message: string };

/**
 * What to do with an event whose handler failed on its `attempt`-th try (1-based):
 * - a permanent error goes to the dead letters at once;
 * - an open breaker defers it on the slowest retry level without using up an attempt
 *   (an agency outage must delay dossiers, never fail them);
 * - anything else is retried on the next level (1 s, 10 s, 60 s by default), then dead-lettered.
 */
export function nextStep(err: unknown, attempt: number, delaysMs: readonly number[]): NextStep {
  const { code, message } = describeError(err);
  if (isPermanent(err)) return { kind: 'dead-letter', attempts: attempt, code, message };
  if (isDeferral(err)) {
    const level = delaysMs.length;
    return {
      kind: 'retry',
      level,
      attempt: attempt - 1,
      delayMs: delaysMs[level - 1],
      deferredBy: err.agency,
    };
  }
  if (attempt > delaysMs.length) return { kind: 'dead-letter', attempts: attempt, code, message };
  return { kind: 'retry', level: attempt, attempt, delayMs: delaysMs[attempt - 1] };
}
