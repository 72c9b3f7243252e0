import { Injectable } from '@nestjs/common';
import {
  CONSTRUCTION_API,
  ConformityRequest,
  ConformityResponse,
} from '@lien-thong/agency-contracts';
import { AgencyClients } from '@lien-thong/resilience';

/** The provincial construction department's system, through its breaker (with its timeout). */
@Injectable()
export class ConstructionDepartmentClient {
  constructor(private readonly agencies: AgencyClients) {}

  /** Idempotent by requestId: the same request again answers the one already filed. */
  submit(request: ConformityRequest): Promise<ConformityResponse> {
    return this.agencies.get('construction').call<ConformityResponse>({
      method: 'POST',
      path: CONSTRUCTION_API.conformityRequests,
      body: request,
      idempotent: true,
    });
  }

  status(requestId: string): Promise<ConformityResponse> {
    return this.agencies.get('construction').call<ConformityResponse>({
      method: 'GET',
      path: CONSTRUCTION_API.conformityRequest(requestId),
      idempotent: true,
    });
  }

  /** Idempotent: a cancelled request answers as it is. 404 when it never arrived. */
  cancel(requestId: string, reason: string): Promise<ConformityResponse> {
    return this.agencies.get('construction').call<ConformityResponse>({
      method: 'POST',
      path: CONSTRUCTION_API.cancellation(requestId),
      body: { reason },
      idempotent: true,
    });
  }
}
