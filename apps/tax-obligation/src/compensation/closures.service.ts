import { Injectable } from '@nestjs/common';
import type { CancellationReason, EventEnvelope } from '@lien-thong/contracts';
import { AssessmentsRepository } from '../assessments/assessments.repository';
import { ClosedDossiersRepository } from './closed-dossiers.repository';
import { CompensationService } from './compensation.service';

export type ClosureReason = Exclude<CancellationReason, 'SUPERSEDED'>;

/**
 * A dossier was refused or withdrawn: nothing may be charged for it any more. The closure is
 * recorded first, so that a slip or a payment arriving from now on sees it; then each
 * assessment with notices is marked for compensation (stored, so the sweep finishes it if an
 * agency is down) and compensated at once where the agencies answer.
 */
@Injectable()
export class ClosuresService {
  constructor(
    private readonly closed: ClosedDossiersRepository,
    private readonly assessments: AssessmentsRepository,
    private readonly compensation: CompensationService,
  ) {}

  async close(event: EventEnvelope<{ dossierCode: string }>, reason: ClosureReason): Promise<void> {
    const { dossierCode } = event.payload;
    await this.closed.record({
      _id: dossierCode,
      reason,
      closedAt: new Date(),
      eventId: event.eventId,
    });
    await this.compensateAll(dossierCode, reason, event.eventId);
  }

  /**
   * Also called after an assessment was stored, in case the dossier closed meanwhile: the
   * closure is written before the assessments are read here, and the assessment before the
   * closure is read there, so one of the two always sees the other.
   */
  async compensateAll(
    dossierCode: string,
    reason: ClosureReason,
    causationId: string | undefined,
  ): Promise<void> {
    for (const revision of await this.assessments.revisionsOf(dossierCode)) {
      await this.assessments.requestCompensation(revision._id, reason, causationId);
    }
    for (const revision of await this.assessments.revisionsOf(dossierCode)) {
      if (revision.status === 'CANCELLING') await this.compensation.tryRun(revision._id);
    }
  }

  async closureOf(dossierCode: string): Promise<ClosureReason | undefined> {
    return (await this.closed.find(dossierCode))?.reason;
  }
}
