import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { LandUseRightAnswer } from '@lien-thong/agency-contracts';
import { Actor, CurrentActor, Role, Roles } from '@lien-thong/platform';
import { LandUseRightLookupDto } from './dto/land-use-right-lookup.dto';
import { LandUseRightLookupsService } from './land-use-right-lookups.service';

@ApiTags('building permits')
@Controller('building-permits')
export class LandUseRightLookupsController {
  constructor(private readonly lookups: LandUseRightLookupsService) {}

  @Post('land-use-right-lookups')
  @HttpCode(200)
  @Roles(Role.ConstructionOfficer)
  @ApiOperation({
    summary:
      'The land-use right behind a building-permit application, from the land registry (no certificate copies asked of the citizen)',
  })
  @ApiOkResponse({ type: LandUseRightAnswer })
  @ApiNotFoundResponse({ description: 'No such parcel (PARCEL.NOT_FOUND)' })
  @ApiServiceUnavailableResponse({
    description: 'The land registry does not answer now (LAND_REGISTRY.UNAVAILABLE)',
  })
  lookUp(
    @Body() request: LandUseRightLookupDto,
    @CurrentActor() actor: Actor,
    @Ip() ip: string,
  ): Promise<LandUseRightAnswer> {
    return this.lookups.lookUp(request, actor, ip);
  }
}
