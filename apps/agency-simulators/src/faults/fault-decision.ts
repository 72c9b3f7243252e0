import { FaultSettings } from '@lien-thong/agency-contracts';

/** What happens to one call: refused at once, failed after the latency, or served. */
export type FaultDecision =
  | { kind: 'outage' }
  | { kind: 'fail'; status: number; latencyMs: number }
  | { kind: 'serve'; latencyMs: number };

/**
 * Decides one call's fate. `draw` is consulted only when the error rate is strictly between
 * 0 and 1, so that a seeded sequence depends only on the calls that could go either way.
 */
export function decideFault(settings: FaultSettings, draw: () => number): FaultDecision {
  if (settings.outage) return { kind: 'outage' };
  const { errorRate, latencyMs } = settings;
  const fails = errorRate >= 1 || (errorRate > 0 && draw() < errorRate);
  return fails
    ? { kind: 'fail', status: settings.errorStatus, latencyMs }
    : { kind: 'serve', latencyMs };
}
