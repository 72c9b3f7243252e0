/**
 * An event about a dossier arrived before the step it answers: ObligationsPaid before the
 * ObligationsAssessed it pays (two topics, so their order is not guaranteed; a gateway that
 * confirms at once makes it happen). Deliberately NOT a DomainException: the pipeline
 * retries it later, by when the earlier event has been applied, instead of dropping it
 * (dropped, the dossier waited for a payment already made).
 */
export class StepNotReachedYetError extends Error {
  readonly code = 'DOSSIER.STEP_NOT_REACHED_YET';

  constructor(
    readonly dossierCode: string,
    readonly event: string,
    readonly waitingFor: string,
  ) {
    super(`${event} for dossier ${dossierCode} came before ${waitingFor}; retrying later`);
    this.name = 'StepNotReachedYetError';
  }
}
