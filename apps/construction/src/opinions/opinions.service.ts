import { Injectable, Logger } from '@nestjs/common';
import { ConstructionOpinionRequestedV1, EventEnvelope, Topics } from '@lien-thong/contracts';
import { ConformityRequest, ConformityResponse } from '@lien-thong/agency-contracts';
import { EventFactory } from '@lien-thong/messaging';
import { AgencyRejectedError, AgencyUnavailableError } from '@lien-thong/resilience';
import { ConstructionDepartmentClient } from '../agencies/construction-department.client';
import { OpinionRequestsRepository } from './opinion-requests.repository';
import { OpinionRequest } from './schemas/opinion-request.schema';

export type ClosureReason = 'REFUSED' | 'WITHDRAWN';

const CANCEL_REASON_VI: Record<ClosureReason, string> = {
  REFUSED: 'Hồ sơ đã bị từ chối giải quyết',
  WITHDRAWN: 'Người nộp đã rút hồ sơ',
};

/** The request as the department's contract takes it: the work, no personal data. */
function toConformityRequest(request: OpinionRequest): ConformityRequest {
  return {
    requestId: request._id,
    dossierCode: request.dossierCode,
    provinceCode: request.provinceCode,
    parcel: { ...request.parcel },
    address: request.address,
    work: { ...request.house },
    dueAt: new Date(request.dueAt).toISOString(),
  };
}

/**
 * The land office's requests for the construction department's opinion. A request is
 * stored before anything else, so that it is never lost while the department is down or
 * slow; it is submitted at once where the department answers, and the sweep
 * (opinions-sweep.service.ts) submits what failed and polls for the answers, which are
 * announced once (ConstructionOpinionGiven, through the outbox). A refused or withdrawn
 * dossier cancels its requests: the department is told (best effort) and no answer is
 * announced afterwards.
 */
@Injectable()
export class OpinionsService {
  private readonly logger = new Logger('opinions');

  constructor(
    private readonly requests: OpinionRequestsRepository,
    private readonly department: ConstructionDepartmentClient,
    private readonly events: EventFactory,
  ) {}

  async receive(event: EventEnvelope<ConstructionOpinionRequestedV1>): Promise<void> {
    const p = event.payload;
    await this.requests.create({
      _id: p.requestId,
      dossierCode: p.dossierCode,
      provinceCode: p.provinceCode,
      parcel: p.parcel,
      address: p.address,
      house: p.house,
      requestedAt: new Date(p.requestedAt),
      dueAt: new Date(p.dueAt),
      status: 'RECEIVED',
      triedAt: new Date(0),
    });
    // The closure is written before the requests are read there, and the request before the
    // closure is read here: one of the two always sees the other.
    const closure = await this.requests.closure(p.dossierCode);
    if (closure) await this.cancel(p.requestId, closure.reason);
    await this.tryAdvance(p.requestId);
  }

  async close(event: EventEnvelope<{ dossierCode: string }>, reason: ClosureReason): Promise<void> {
    const { dossierCode } = event.payload;
    await this.requests.recordClosure({ _id: dossierCode, reason, closedAt: new Date() });
    for (const request of await this.requests.ofDossier(dossierCode)) {
      await this.cancel(request._id, reason);
      await this.tryAdvance(request._id);
    }
  }

  /** One step of a request's work with the department; AgencyUnavailableError when it is down. */
  async advance(requestId: string): Promise<void> {
    const request = await this.requests.find(requestId);
    if (!request) return;
    switch (request.status) {
      case 'RECEIVED': {
        const accepted = await this.department.submit(toConformityRequest(request));
        await this.requests.transition(requestId, ['RECEIVED'], 'PENDING', {
          submittedAt: new Date(accepted.receivedAt),
        });
        return this.record(request, accepted);
      }
      case 'PENDING':
        return this.record(request, await this.department.status(requestId));
      case 'CANCELLING':
        await this.department
          .cancel(requestId, CANCEL_REASON_VI[request.cancelReason ?? 'WITHDRAWN'])
          .catch((err: unknown) => {
            // Never submitted (404): there is nothing to withdraw at the department.
            if (!(err instanceof AgencyRejectedError && err.status === 404)) throw err;
          });
        await this.requests.transition(requestId, ['CANCELLING'], 'CANCELLED');
        return;
      case 'ANSWERED':
      case 'CANCELLED':
        return;
    }
  }

  /** advance(), leaving whatever fails to the sweep. */
  async tryAdvance(requestId: string): Promise<void> {
    try {
      await this.advance(requestId);
    } catch (err) {
      if (!(err instanceof AgencyUnavailableError))
        this.logger.warn(`request ${requestId}: ${String(err)} (the sweep tries again)`);
      await this.requests.touch(requestId);
    }
  }

  private async cancel(requestId: string, reason: ClosureReason): Promise<void> {
    await this.requests.transition(requestId, ['RECEIVED', 'PENDING'], 'CANCELLING', {
      cancelledAt: new Date(),
      cancelReason: reason,
    });
  }

  /** Announces the department's answer once it has one; a pending request waits for the next round. */
  private async record(request: OpinionRequest, answer: ConformityResponse): Promise<void> {
    if (answer.status !== 'ANSWERED' || !answer.outcome || !answer.answeredAt) {
      await this.requests.touch(request._id);
      return;
    }
    const reasons = (answer.reasons ?? []).map((r) => ({ code: r.code, messageVi: r.messageVi }));
    const given = this.events.create(Topics.ConstructionOpinionGiven, request.dossierCode, {
      dossierCode: request.dossierCode,
      requestId: request._id,
      outcome: answer.outcome,
      reasons,
      reference: answer.reference ?? '',
      answeredAt: new Date(answer.answeredAt).toISOString(),
    });
    await this.requests.answer(
      request._id,
      {
        outcome: answer.outcome,
        reasons,
        reference: answer.reference ?? '',
        answeredAt: new Date(answer.answeredAt),
      },
      given,
    );
  }
}
