import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainException, SERVICE_CONFIG } from '@lien-thong/platform';
import {
  CONSTRUCTION_ERRORS,
  ConformityRequest,
  ConformityResponse,
} from '@lien-thong/agency-contracts';
import { AgencySimulatorsConfig } from '../config/agency-simulators.config';
import { fingerprint } from '../common/fingerprint';
import { mustExist } from '../common/must-exist';
import { decideConformity } from './conformity-decision';
import { ConstructionRepository } from './construction.repository';
import { ConformityRecord } from './schemas/conformity-request.schema';

/** What the department says about a request at `now`: pending until its answer time. */
export function toResponse(record: ConformityRecord, now = new Date()): ConformityResponse {
  const base = { requestId: record._id, receivedAt: record.receivedAt };
  if (record.cancelledAt) return { ...base, status: 'CANCELLED', cancelledAt: record.cancelledAt };
  if (Date.parse(record.answerAt) > now.getTime()) return { ...base, status: 'PENDING' };
  return {
    ...base,
    status: 'ANSWERED',
    outcome: record.outcome,
    reasons: record.reasons.map((r) => ({ ...r })),
    reference: record.reference,
    answeredAt: record.answerAt,
  };
}

/** A document number as the department would write it: "<n>/SXD-QLXD", stable per request. */
function referenceOf(requestId: string): string {
  const n = parseInt(createHash('sha256').update(requestId).digest('hex').slice(0, 8), 16);
  return `${(n % 99_999) + 1}/SXD-QLXD`;
}

/**
 * SIMULATOR of the provincial construction department: takes a conformity request, decides
 * it at once by the sample rules (conformity-decision.ts) and reveals the answer after
 * CONSTRUCTION_ANSWER_DELAY_MS, as a department that answers later.
 */
@Injectable()
export class ConstructionService {
  constructor(
    private readonly repository: ConstructionRepository,
    @Inject(SERVICE_CONFIG) private readonly config: AgencySimulatorsConfig,
  ) {}

  async submit(request: ConformityRequest): Promise<ConformityResponse> {
    const requestHash = fingerprint(request);
    const existing = await this.repository.find(request.requestId);
    if (existing) return this.replay(existing, requestHash);
    const received = new Date();
    const record: ConformityRecord = {
      _id: request.requestId,
      requestHash,
      request: JSON.parse(JSON.stringify(request)) as ConformityRequest,
      receivedAt: received.toISOString(),
      answerAt: new Date(
        received.getTime() + this.config.CONSTRUCTION_ANSWER_DELAY_MS,
      ).toISOString(),
      ...decideConformity(request.work),
      reference: referenceOf(request.requestId),
      cancelledAt: null,
      cancelReason: null,
    };
    if (await this.repository.insert(record)) return toResponse(record);
    const winner = await this.repository.find(request.requestId);
    return this.replay(mustExist(winner, `request ${request.requestId}`), requestHash);
  }

  async get(requestId: string): Promise<ConformityResponse> {
    return toResponse(await this.findOrThrow(requestId));
  }

  /** Idempotent: a cancelled request answers as it is; an answered one is left as answered. */
  async cancel(requestId: string, reason: string): Promise<ConformityResponse> {
    const record = await this.findOrThrow(requestId);
    if (record.cancelledAt || toResponse(record).status === 'ANSWERED') return toResponse(record);
    const cancelled = await this.repository.cancel(requestId, new Date().toISOString(), reason);
    return toResponse(mustExist(cancelled, `request ${requestId}`));
  }

  private async findOrThrow(requestId: string): Promise<ConformityRecord> {
    const record = await this.repository.find(requestId);
    if (!record) {
      throw new DomainException(
        CONSTRUCTION_ERRORS.REQUEST_NOT_FOUND,
        'Không tìm thấy đề nghị xác nhận công trình với mã đã cho',
        404,
      );
    }
    return record;
  }

  private replay(record: ConformityRecord, requestHash: string): ConformityResponse {
    if (record.requestHash !== requestHash) {
      throw new DomainException(
        CONSTRUCTION_ERRORS.REQUEST_ID_REUSED,
        'Mã đề nghị đã được dùng cho một công trình khác',
        409,
      );
    }
    return toResponse(record);
  }
}
