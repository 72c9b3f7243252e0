import { Injectable } from '@nestjs/common';
import { ETAX_API, TaxFilingRequest, TaxFilingResponse } from '@lien-thong/agency-contracts';
import { AgencyClients } from '@lien-thong/resilience';

/** The tax authority's e-tax API, through its breaker. */
@Injectable()
export class ETaxClient {
  constructor(private readonly agencies: AgencyClients) {}

  /** Idempotent by filingId: the same filing again answers the same notices, so it is retried. */
  file(request: TaxFilingRequest): Promise<TaxFilingResponse> {
    return this.agencies.get('e-tax').call<TaxFilingResponse>({
      method: 'POST',
      path: ETAX_API.filings,
      body: request,
      idempotent: true,
    });
  }

  /** Idempotent: a voided filing answers as it is. 404 when it was never filed. */
  voidFiling(filingId: string, reason: string): Promise<TaxFilingResponse> {
    return this.agencies.get('e-tax').call<TaxFilingResponse>({
      method: 'POST',
      path: ETAX_API.voidFiling(filingId),
      body: { reason },
      idempotent: true,
    });
  }

  filing(filingId: string): Promise<TaxFilingResponse> {
    return this.agencies.get('e-tax').call<TaxFilingResponse>({
      method: 'GET',
      path: ETAX_API.filing(filingId),
      idempotent: true,
    });
  }
}
