import { Inject, Injectable } from '@nestjs/common';
import { DependencyHealth, HEALTH_INDICATORS, HealthIndicator } from './health-indicator';
import { SERVICE_INFO, ServiceInfo } from '../bootstrap/service-info';

export interface HealthReport {
  status: 'ok' | 'error';
  service: string;
  version: string;
  uptimeSeconds: number;
  checks: Record<string, DependencyHealth>;
}

@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();

  constructor(
    @Inject(HEALTH_INDICATORS) private readonly indicators: HealthIndicator[],
    @Inject(SERVICE_INFO) private readonly info: ServiceInfo,
  ) {}

  async report(): Promise<HealthReport> {
    const results = await Promise.all(
      this.indicators.map(async (i) => [i.name, await i.check()] as const),
    );
    const checks = Object.fromEntries(results);
    const down = results.some(([, r]) => r.status === 'down');
    return {
      status: down ? 'error' : 'ok',
      service: this.info.name,
      version: this.info.version,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      checks,
    };
  }
}
