import { Inject, Injectable } from '@nestjs/common';
import { DependencyHealth, HealthIndicator, timedCheck } from '@lien-thong/platform';
import { BROKER_CLIENT, BrokerClient } from '../broker/broker-client';

@Injectable()
export class KafkaHealthIndicator implements HealthIndicator {
  readonly name = 'kafka';

  constructor(@Inject(BROKER_CLIENT) private readonly broker: BrokerClient) {}

  check(): Promise<DependencyHealth> {
    return timedCheck(async () => ({ ...(await this.broker.describeCluster()) }), 3000);
  }
}
