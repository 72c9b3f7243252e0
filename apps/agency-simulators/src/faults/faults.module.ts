import { Module } from '@nestjs/common';
import { AgencyStatsService } from './agency-stats.service';
import { FaultInjectionInterceptor } from './fault-injection.interceptor';
import { FaultsController } from './faults.controller';
import { FaultsService } from './faults.service';

/** Faults and statistics shared by every simulated agency; each agency module imports it. */
@Module({
  controllers: [FaultsController],
  providers: [FaultsService, AgencyStatsService, FaultInjectionInterceptor],
  exports: [FaultsService, AgencyStatsService, FaultInjectionInterceptor],
})
export class FaultsModule {}
