import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CitizenRecord, POPULATION_API } from '@lien-thong/agency-contracts';
import { SimulatedAgency } from '../faults/simulated-agency.decorator';
import { CitizenIdParam } from './dto/citizen-id-param.dto';
import { PopulationService } from './population.service';
import { Public } from '@lien-thong/platform';

@SimulatedAgency('population')
@Public('a simulated agency API: the real system authenticates our services its own way')
@Controller(POPULATION_API.simulatorMount)
export class PopulationController {
  constructor(private readonly population: PopulationService) {}

  @Get(`${POPULATION_API.citizens}/:citizenId`)
  @ApiOperation({ summary: 'A citizen by 12-digit personal ID' })
  @ApiOkResponse({ type: CitizenRecord })
  get(@Param() { citizenId }: CitizenIdParam): CitizenRecord {
    return this.population.get(citizenId);
  }
}
