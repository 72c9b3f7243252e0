import { Counter, Histogram } from 'prom-client';
import { Agency } from '@lien-thong/contracts';
import { METRICS } from '@lien-thong/platform';
import { AgencyFailedError, AgencyRejectedError, AgencyUnavailableError } from './agency-errors';

const callSeconds = new Histogram({
  name: 'lien_thong_agency_call_seconds',
  help: 'Duration of each HTTP call to an external agency (one per attempt), by agency and outcome',
  labelNames: ['agency', 'outcome'],
  // The agencies' timeouts are a few seconds (default-policies.ts).
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [METRICS],
});

const callErrors = new Counter({
  name: 'lien_thong_agency_call_errors_total',
  help: 'Calls to an external agency that failed, by agency and kind (failed, timeout, rejected, breaker-open, bulkhead-full)',
  labelNames: ['agency', 'kind'],
  registers: [METRICS],
});

/** What went wrong, as the errors metric names it; null for something else (a bug). */
export function errorKind(err: unknown): string | null {
  if (err instanceof AgencyFailedError) return err.timedOut ? 'timeout' : 'failed';
  if (err instanceof AgencyRejectedError) return 'rejected';
  if (err instanceof AgencyUnavailableError) return err.why;
  return null;
}

/** Times one attempt sent to the agency; a failure is counted by its kind. */
export async function measuredCall<T>(agency: Agency, send: () => Promise<T>): Promise<T> {
  const end = callSeconds.startTimer({ agency });
  try {
    const result = await send();
    end({ outcome: 'ok' });
    return result;
  } catch (err) {
    const kind = errorKind(err) ?? 'failed';
    end({ outcome: kind });
    callErrors.inc({ agency, kind });
    throw err;
  }
}

/** A call refused before anything was sent (breaker open, bulkhead full). */
export function countUnavailable(err: AgencyUnavailableError): void {
  callErrors.inc({ agency: err.agency, kind: err.why });
}
