import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import {
  CancelConformityRequest,
  CONSTRUCTION_API,
  ConformityRequest,
  ConformityResponse,
} from '@lien-thong/agency-contracts';
import { Public } from '@lien-thong/platform';
import { SimulatedAgency } from '../faults/simulated-agency.decorator';
import { ConstructionService } from './construction.service';
import { RequestIdParam } from './dto/request-id-param.dto';

@SimulatedAgency('construction')
@Public('a simulated agency API: the real system authenticates our services its own way')
@Controller(CONSTRUCTION_API.simulatorMount)
export class ConstructionController {
  constructor(private readonly department: ConstructionService) {}

  /** 202 every time: the department answers later (GET the request until ANSWERED). */
  @Post(CONSTRUCTION_API.conformityRequests)
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask the department to confirm a house or work (idempotent by requestId)',
  })
  @ApiAcceptedResponse({ type: ConformityResponse })
  @ApiConflictResponse({
    description: 'requestId already used for another work (CONSTRUCTION.REQUEST_ID_REUSED)',
  })
  submit(@Body() request: ConformityRequest): Promise<ConformityResponse> {
    return this.department.submit(request);
  }

  @Get(`${CONSTRUCTION_API.conformityRequests}/:requestId`)
  @ApiOperation({ summary: 'A request: PENDING, ANSWERED (outcome, reasons) or CANCELLED' })
  @ApiOkResponse({ type: ConformityResponse })
  @ApiNotFoundResponse({ description: 'No such request (CONSTRUCTION.REQUEST_NOT_FOUND)' })
  get(@Param() { requestId }: RequestIdParam): Promise<ConformityResponse> {
    return this.department.get(requestId);
  }

  @Post(`${CONSTRUCTION_API.conformityRequests}/:requestId/cancellation`)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw a pending request (idempotent; an answered request stays answered)',
  })
  @ApiOkResponse({ type: ConformityResponse })
  @ApiNotFoundResponse({ description: 'No such request (CONSTRUCTION.REQUEST_NOT_FOUND)' })
  cancel(
    @Param() { requestId }: RequestIdParam,
    @Body() body: CancelConformityRequest,
  ): Promise<ConformityResponse> {
    return this.department.cancel(requestId, body.reason);
  }
}
