import { DomainException } from '@lien-thong/platform';

/** An event that can never succeed as it is (a bug or bad data): no retries, straight to the dead letters. */
export class PermanentEventError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PermanentEventError';
  }
}

/**
 * Thrown (by the resilience library) when an agency's breaker is open: the work is not
 * failed but deferred, and does not use up its attempts.
 */
export interface AgencyDeferral {
  code: 'AGENCY.UNAVAILABLE';
  agency: string;
}

export function isDeferral(err: unknown): err is AgencyDeferral {
  return (
    typeof err === 'object' &&
    err !== null &&
    (err as { code?: unknown }).code === 'AGENCY.UNAVAILABLE'
  );
}

export function isPermanent(err: unknown): boolean {
  return err instanceof PermanentEventError || err instanceof DomainException;
}

export function describeError(err: unknown): { code: string; message: string } {
  if (err instanceof DomainException) return { code: err.code, message: err.messageVi };
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return { code: typeof code === 'string' ? code : 'EVENT.HANDLER_FAILED', message: err.message };
  }
  return { code: 'EVENT.HANDLER_FAILED', message: String(err) };
}
