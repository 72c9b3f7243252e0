import { Inject, Injectable, Optional } from '@nestjs/common';
import { DependencyHealth, HEALTH_INDICATORS, HealthIndicator } from './health-indicator';
import { SERVICE_INFO, ServiceInfo } from '../bootstrap/service-info';
import { MaintenanceMode } from '../maintenance/maintenance-mode';

export interface HealthReport {
  status: 'ok' | 'error';
  service: string;
  version: string;
  uptimeSeconds: number;
  checks: Record<string, DependencyHealth>;
  /** Services with a maintenance mode: whether it is on (not an outage: status stays ok). */
  maintenance?: { on: boolean; noticeVi?: string; since?: string };
}

@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();

  constructor(
    @Inject(HEALTH_INDICATORS) private readonly indicators: HealthIndicator[],
    @Inject(SERVICE_INFO) private readonly info: ServiceInfo,
    @Optional() private readonly maintenance?: MaintenanceMode,
  ) {}

  /** Whether this service has a maintenance mode (imports MaintenanceModule). */
  get hasMaintenance(): boolean {
    return this.maintenance !== undefined;
  }

  uptimeSeconds(): number {
    return Math.round((Date.now() - this.startedAt) / 1000);
  }

  async report(): Promise<HealthReport> {
    const [results, maintenance] = await Promise.all([
      Promise.all(this.indicators.map(async (i) => [i.name, await i.check()] as const)),
      this.maintenanceState(),
    ]);
    const checks = Object.fromEntries(results);
    const down = results.some(([, r]) => r.status === 'down');
    return {
      status: down ? 'error' : 'ok',
      service: this.info.name,
      version: this.info.version,
      uptimeSeconds: this.uptimeSeconds(),
      checks,
      ...(maintenance ? { maintenance } : {}),
    };
  }

  async maintenanceState(): Promise<HealthReport['maintenance']> {
    if (!this.maintenance) return undefined;
    const state = await this.maintenance.current();
    return state.on
      ? { on: true, noticeVi: state.noticeVi, since: state.since.toISOString() }
      : { on: false };
  }
}
