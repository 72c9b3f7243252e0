import { DependencyHealth, HealthIndicator } from './health-indicator';

/** Token under which the messaging library provides its Kafka health check. */
export const KAFKA_HEALTH_INDICATOR = Symbol('KAFKA_HEALTH_INDICATOR');

/** For a process that has no use for a dependency: says so instead of pretending. */
export class NotUsedIndicator implements HealthIndicator {
  constructor(readonly name: string) {}

  check(): Promise<DependencyHealth> {
    return Promise.resolve({ status: 'not-used' });
  }
}
