import { Module } from '@nestjs/common';
import { FaultsModule } from '../faults/faults.module';
import { PopulationController } from './population.controller';
import { PopulationRepository } from './population.repository';
import { PopulationService } from './population.service';

@Module({
  imports: [FaultsModule],
  controllers: [PopulationController],
  providers: [PopulationService, PopulationRepository],
})
export class PopulationModule {}
