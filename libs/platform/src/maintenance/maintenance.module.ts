import { Global, Module } from '@nestjs/common';
import { MaintenanceController } from './maintenance.controller';
import { MaintenanceMode } from './maintenance-mode';
import { MaintenanceRepository } from './maintenance.repository';
import { MaintenanceInterceptor } from './refused-during-maintenance';

/**
 * The maintenance mode of a service with a database: PUT /admin/maintenance for the
 * operator, @RefusedDuringMaintenance() for the routes it stops, and its state in /health
 * and /health/ready. Import it once, in the app module, after PlatformModule.forRoot.
 */
@Global()
@Module({
  controllers: [MaintenanceController],
  providers: [MaintenanceRepository, MaintenanceMode, MaintenanceInterceptor],
  exports: [MaintenanceMode, MaintenanceInterceptor],
})
export class MaintenanceModule {}
