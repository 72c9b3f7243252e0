import { Injectable } from '@nestjs/common';
import {
  JUSTICE_REGISTRY_API,
  ParcelCheckRequest,
  ParcelCheckResponse,
} from '@lien-thong/agency-contracts';
import { AgencyClients } from '@lien-thong/resilience';

/** The Justice Department registry of secured transactions and holds, through its breaker. */
@Injectable()
export class JusticeRegistryClient {
  constructor(private readonly agencies: AgencyClients) {}

  /** A look-up: safe to retry. */
  checkParcel(request: ParcelCheckRequest): Promise<ParcelCheckResponse> {
    return this.agencies.get('justice-registry').call<ParcelCheckResponse>({
      method: 'POST',
      path: JUSTICE_REGISTRY_API.parcelChecks,
      body: request,
      idempotent: true,
    });
  }
}
