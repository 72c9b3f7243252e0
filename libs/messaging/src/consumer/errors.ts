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
 * Thrown by the resilience library when an external agency cannot serve the call: its
 * breaker is open (AGENCY.UNAVAILABLE) or it failed (AGENCY.FAILED: 5xx, timeout).
 * Such work is deferred, never dead-lettered: an agency outage delays dossiers, it must
 * not fail them.
 */
export interface AgencyOutage {
  code: 'AGENCY.UNAVAILABLE' | 'AGENCY.FAILED';
  agency: string;
}

function codeOf(err: unknown): unknown {
  return typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
}

export function isAgencyOutage(err: unknown): err is AgencyOutage {
  const code = codeOf(err);
  return code === 'AGENCY.UNAVAILABLE' || code === 'AGENCY.FAILED';
}

/** Never worth retrying: a bug, bad data, or an agency telling us our request is wrong (4xx). */
export function isPermanent(err: unknown): boolean {
  return (
    err instanceof PermanentEventError ||
    err instanceof DomainException ||
    codeOf(err) === 'AGENCY.REJECTED'
  );
}

export function describeError(err: unknown): { code: string; message: string } {
  if (err instanceof DomainException) return { code: err.code, message: err.messageVi };
  if (err instanceof Error) {
    const code = codeOf(err);
    return { code: typeof code === 'string' ? code : 'EVENT.HANDLER_FAILED', message: err.message };
  }
  return { code: 'EVENT.HANDLER_FAILED', message: String(err) };
}
