export * from './maintenance.module';
export * from './maintenance-mode';
export * from './refused-during-maintenance';
export type { MaintenanceState } from './maintenance.repository';
export { MaintenanceDto, MaintenanceView } from './dto/maintenance.dto';
