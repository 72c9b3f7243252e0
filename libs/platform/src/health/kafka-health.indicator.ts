import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { BROKER_CLIENT, BrokerClient } from '@lien-thong/messaging';
import { DependencyHealth, HealthIndicator, timedCheck } from './health-indicator';

@Injectable()
export class KafkaHealthIndicator implements HealthIndicator, OnApplicationShutdown {
  readonly name = 'kafka';

  constructor(@Inject(BROKER_CLIENT) private readonly broker: BrokerClient) {}

  check(): Promise<DependencyHealth> {
    return timedCheck(async () => ({ ...(await this.broker.describeCluster()) }), 3000);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.broker.close();
  }
}

/** For a process that has no use for a dependency: says so instead of pretending. */
export class NotUsedIndicator implements HealthIndicator {
  constructor(readonly name: string) {}

  check(): Promise<DependencyHealth> {
    return Promise.resolve({ status: 'not-used' });
  }
}
