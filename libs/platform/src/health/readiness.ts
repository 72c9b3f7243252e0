import { Inject, Injectable } from '@nestjs/common';
import {
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorResult,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { DependencyHealth, HealthIndicator } from './health-indicator';
import { HealthService } from './health.service';

/** Multi-provider token: the dependencies without which the service cannot serve. */
export const READINESS_INDICATORS = Symbol('READINESS_INDICATORS');

/**
 * The orchestrator's probes, through @nestjs/terminus. Liveness: the process answers (a
 * restart would help only then). Readiness: its database, Kafka and holiday data answer, so
 * it may be sent traffic; an agency being down does not count (work for it waits), nor does
 * maintenance (the service still serves everything but new submissions).
 */
@Injectable()
export class Probes {
  constructor(
    private readonly terminus: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly health: HealthService,
    @Inject(READINESS_INDICATORS) private readonly dependencies: HealthIndicator[],
  ) {}

  live(): Promise<HealthCheckResult> {
    return this.terminus.check([
      () =>
        this.indicator
          .check('process')
          .up({ pid: process.pid, uptimeSeconds: this.health.uptimeSeconds() }),
    ]);
  }

  ready(): Promise<HealthCheckResult> {
    const checks = this.dependencies.map(
      (d) => async () => this.toTerminus(d.name, await d.check()),
    );
    if (this.health.hasMaintenance)
      checks.push(async () =>
        this.indicator
          .check('maintenance')
          .up((await this.health.maintenanceState()) ?? { on: false }),
      );
    return this.terminus.check(checks);
  }

  private toTerminus(name: string, result: DependencyHealth): HealthIndicatorResult {
    const { status, ...details } = result;
    const session = this.indicator.check(name);
    if (status === 'down') return session.down(details);
    return session.up(status === 'not-used' ? { ...details, used: false } : details);
  }
}
