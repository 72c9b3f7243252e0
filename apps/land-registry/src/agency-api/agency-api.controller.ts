import { Controller, Get, Ip, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LandUseRightAnswer } from '@lien-thong/agency-contracts';
import { AuditLog } from '@lien-thong/audit';
import { Actor, CurrentActor, Role, Roles } from '@lien-thong/platform';
import { AgencyApiService } from './agency-api.service';
import { ParcelParams } from './dto/parcel-params.dto';

/**
 * What other agencies' systems read from the land registry. The construction department's
 * service account carries the realm role construction-officer and the unit of its
 * province; every query is audited (who, which parcel, when), found or not.
 */
@ApiTags('agency API')
@Controller('agency')
export class AgencyApiController {
  constructor(
    private readonly agencyApi: AgencyApiService,
    private readonly audit: AuditLog,
  ) {}

  @Get('land-use-rights/:communeCode/:mapSheetNumber/:parcelNumber')
  @Roles(Role.ConstructionOfficer)
  @ApiOperation({
    summary:
      'The land-use right of a parcel (holders, purpose, area, term, origin, certificate, encumbrance as last known)',
  })
  @ApiOkResponse({ type: LandUseRightAnswer })
  @ApiNotFoundResponse({ description: 'No such parcel (PARCEL.NOT_FOUND)' })
  async landUseRight(
    @Param() { communeCode, mapSheetNumber, parcelNumber }: ParcelParams,
    @CurrentActor() actor: Actor,
    @Ip() ip: string,
  ): Promise<LandUseRightAnswer> {
    const parcel = { communeCode, mapSheetNumber, parcelNumber };
    const record = (outcome: string) =>
      this.audit.record({
        actor,
        action: 'LAND_USE_RIGHT.READ',
        ip,
        details: { parcel: `${communeCode}/${mapSheetNumber}/${parcelNumber}`, outcome },
      });
    try {
      const answer = await this.agencyApi.landUseRight(parcel, actor);
      await record('ANSWERED');
      return answer;
    } catch (err) {
      await record((err as { code?: string }).code ?? 'FAILED');
      throw err;
    }
  }
}
