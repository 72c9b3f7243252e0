import { Module } from '@nestjs/common';
import { DossierStoreModule } from '../dossiers/dossiers.module';
import { StatisticsController } from './statistics.controller';
import { StatisticsRepository } from './statistics.repository';
import { StatisticsService } from './statistics.service';

/** GET /statistics and /statistics.csv: a unit's figures over a period, from its dossiers. */
@Module({
  imports: [DossierStoreModule],
  controllers: [StatisticsController],
  providers: [StatisticsService, StatisticsRepository],
})
export class StatisticsModule {}
