import { Injectable } from '@nestjs/common';
import type { PaymentNoticeV1, SlipProblemV1 } from '@lien-thong/contracts';
import {
  AgencyErrorBody,
  ETAX_ERRORS,
  TaxFilingRequest,
  TaxFilingResponse,
} from '@lien-thong/agency-contracts';
import { PermanentEventError } from '@lien-thong/messaging';
import { AgencyRejectedError } from '@lien-thong/resilience';
import { ETaxClient } from '../agencies/e-tax.client';
import { issuedNotices, PlannedFiling } from './filings';
import { SlipProblemCode } from './slip-problems';

export type FilingOutcome =
  { kind: 'FILED'; notices: PaymentNoticeV1[] } | { kind: 'REFUSED'; problems: SlipProblemV1[] };

function errorBody(error: AgencyRejectedError): Partial<AgencyErrorBody> {
  return typeof error.body === 'object' && error.body !== null
    ? (error.body as Partial<AgencyErrorBody>)
    : {};
}

/**
 * Files each taxpayer's obligations with e-tax and collects the numbered notices. Filing is
 * idempotent by filing id, so a retry after a failure or crash is harmless. A refused slip
 * may leave another taxpayer's filing of the same revision with e-tax (as a refusal of the
 * second filing always did): it is never paid, since no assessment carries its notices. An outage
 * propagates (the breaker defers the slip); a 4xx is our request's fault and goes to the
 * dead letters, except a filing the tax office calls incomplete, which is the slip's.
 */
@Injectable()
export class TaxFilingService {
  constructor(private readonly eTax: ETaxClient) {}

  async file(plans: readonly PlannedFiling[]): Promise<FilingOutcome> {
    // Each taxpayer's filing is its own: filed together, one round trip instead of one per
    // taxpayer. Read in the plans' order, so the first problem found is the one returned.
    const outcomes = await Promise.allSettled(plans.map((plan) => this.fileOnce(plan.request)));
    const answers: TaxFilingResponse[] = [];
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.status === 'fulfilled') {
        answers.push(outcome.value);
        continue;
      }
      const error: unknown = outcome.reason;
      const { request } = plans[i];
      if (!(error instanceof AgencyRejectedError)) throw error;
      const body = errorBody(error);
      if (error.status === 422 && body.code === ETAX_ERRORS.FILING_INCOMPLETE) {
        return { kind: 'REFUSED', problems: [refusal(request, body)] };
      }
      throw new PermanentEventError(
        body.code ?? 'ETAX.REJECTED',
        `e-tax refused filing ${request.filingId} with HTTP ${error.status}: ${body.message ?? ''}`,
      );
    }
    try {
      return { kind: 'FILED', notices: issuedNotices(plans, answers) };
    } catch (error) {
      throw new PermanentEventError('ETAX.NOTICES_MISMATCH', String(error));
    }
  }

  /**
   * The same filing id with other content is refused (409). That happens when a crash
   * between filing and storing is retried on a later day (other due dates): the first
   * filing stands, its notices are the ones the citizen was given.
   */
  private async fileOnce(request: TaxFilingRequest): Promise<TaxFilingResponse> {
    try {
      return await this.eTax.file(request);
    } catch (error) {
      const reused =
        error instanceof AgencyRejectedError &&
        error.status === 409 &&
        errorBody(error).code === ETAX_ERRORS.FILING_ID_REUSED;
      if (!reused) throw error;
      return this.eTax.filing(request.filingId);
    }
  }
}

function refusal(request: TaxFilingRequest, body: Partial<AgencyErrorBody>): SlipProblemV1 {
  const missing = body.details?.missing;
  const fields = Array.isArray(missing) ? missing.join(', ') : '';
  return {
    field: fields ? `filing(${request.taxpayer.taxCode}).${fields}` : 'slip',
    code: SlipProblemCode.REFUSED_BY_TAX_OFFICE,
    messageVi: `Cơ quan thuế trả lại hồ sơ khai thuế của ${request.taxpayer.name || request.taxpayer.taxCode}: ${body.message ?? 'hồ sơ chưa đầy đủ thông tin'}`,
  };
}
