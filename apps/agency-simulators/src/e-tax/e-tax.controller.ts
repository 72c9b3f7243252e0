import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  ETAX_API,
  TaxFilingRequest,
  TaxFilingResponse,
  VoidFilingRequest,
} from '@lien-thong/agency-contracts';
import { SimulatedAgency } from '../faults/simulated-agency.decorator';
import { FilingIdParam } from './dto/filing-id-param.dto';
import { ETaxService } from './e-tax.service';
import { Public } from '@lien-thong/platform';

@SimulatedAgency('e-tax')
@Public('a simulated agency API: the real system authenticates our services its own way')
@Controller(ETAX_API.simulatorMount)
export class ETaxController {
  constructor(private readonly eTax: ETaxService) {}

  /** 201 every time: a repeated filing answers exactly as the first one did. */
  @Post(ETAX_API.filings)
  @ApiOperation({
    summary: 'File obligations; one payment notice per obligation (idempotent by filingId)',
  })
  @ApiCreatedResponse({ type: TaxFilingResponse })
  @ApiConflictResponse({
    description: 'filingId already used for another filing (ETAX.FILING_ID_REUSED)',
  })
  @ApiUnprocessableEntityResponse({ description: 'Incomplete filing (ETAX.FILING_INCOMPLETE)' })
  file(@Body() request: TaxFilingRequest): Promise<TaxFilingResponse> {
    return this.eTax.file(request);
  }

  @Get(`${ETAX_API.filings}/:filingId`)
  @ApiOperation({ summary: 'A filing and its payment notices' })
  @ApiOkResponse({ type: TaxFilingResponse })
  get(@Param() { filingId }: FilingIdParam): Promise<TaxFilingResponse> {
    return this.eTax.get(filingId);
  }

  @Post(`${ETAX_API.filings}/:filingId/void`)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Void a filing and its payment notices (idempotent: a voided filing answers as is)',
  })
  @ApiOkResponse({ type: TaxFilingResponse })
  @ApiNotFoundResponse({ description: 'No such filing (ETAX.FILING_NOT_FOUND)' })
  void(
    @Param() { filingId }: FilingIdParam,
    @Body() body: VoidFilingRequest,
  ): Promise<TaxFilingResponse> {
    return this.eTax.void(filingId, body.reason);
  }
}
