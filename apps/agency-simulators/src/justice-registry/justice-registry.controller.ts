import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  JUSTICE_REGISTRY_API,
  ParcelCheckRequest,
  ParcelCheckResponse,
} from '@lien-thong/agency-contracts';
import { SimulatedAgency } from '../faults/simulated-agency.decorator';
import { JusticeRegistryService } from './justice-registry.service';
import { Public } from '@lien-thong/platform';

@SimulatedAgency('justice-registry')
@Public('a simulated agency API: the real system authenticates our services its own way')
@Controller(JUSTICE_REGISTRY_API.simulatorMount)
export class JusticeRegistryController {
  constructor(private readonly registry: JusticeRegistryService) {}

  @Post(JUSTICE_REGISTRY_API.parcelChecks)
  @HttpCode(200)
  @ApiOperation({ summary: 'Is the parcel mortgaged, under a hold or disputed?' })
  @ApiOkResponse({ type: ParcelCheckResponse })
  check(@Body() request: ParcelCheckRequest): Promise<ParcelCheckResponse> {
    return this.registry.check(request);
  }
}
