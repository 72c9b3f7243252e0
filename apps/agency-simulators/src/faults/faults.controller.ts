import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  AgencyStats,
  AllFaultSettings,
  FaultSettings,
  FaultSettingsRequest,
  SIMULATOR_ADMIN_API,
} from '@lien-thong/agency-contracts';
import { AgencyStatsService } from './agency-stats.service';
import { AgencyParam } from './dto/agency-param.dto';
import { FaultsService } from './faults.service';
import { Role, Roles } from '@lien-thong/platform';

@ApiTags('Admin: faults and statistics (simulator)')
@Roles(Role.Operator)
@ApiExtraModels(FaultSettings)
@Controller()
export class FaultsController {
  constructor(
    private readonly faults: FaultsService,
    private readonly stats: AgencyStatsService,
  ) {}

  @Put(`${SIMULATOR_ADMIN_API.faults}/:agency`)
  @ApiOperation({ summary: "Replace one agency's latency, error rate and outage" })
  @ApiOkResponse({ type: FaultSettings })
  setFaults(@Param() { agency }: AgencyParam, @Body() body: FaultSettingsRequest): FaultSettings {
    return this.faults.set(agency, body);
  }

  @Get(SIMULATOR_ADMIN_API.faults)
  @ApiOperation({ summary: 'Fault settings of every agency' })
  @ApiOkResponse({
    description: 'By agency name',
    schema: { type: 'object', additionalProperties: { $ref: getSchemaPath(FaultSettings) } },
  })
  allFaults(): AllFaultSettings {
    return this.faults.all();
  }

  @Delete(SIMULATOR_ADMIN_API.faults)
  @HttpCode(204)
  @ApiOperation({ summary: 'Make every agency healthy again' })
  resetFaults(): void {
    this.faults.resetAll();
  }

  @Get(`${SIMULATOR_ADMIN_API.stats}/:agency`)
  @ApiOperation({
    summary: 'Calls received, completed, failed by injection, aborted by the client',
  })
  @ApiOkResponse({ type: AgencyStats })
  agencyStats(@Param() { agency }: AgencyParam): AgencyStats {
    return this.stats.get(agency);
  }

  @Delete(SIMULATOR_ADMIN_API.stats)
  @HttpCode(204)
  @ApiOperation({ summary: 'Reset the statistics of every agency' })
  resetStats(): void {
    this.stats.resetAll();
  }
}
