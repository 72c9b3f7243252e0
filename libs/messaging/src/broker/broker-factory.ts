import { BrokerClient, BrokerOptions } from './broker-client';
import type { KafkajsBrokerClient } from './kafkajs/kafkajs-broker-client';
import type { PlatformaticBrokerClient } from './platformatic/platformatic-broker-client';

/**
 * The Kafka client libraries behind BrokerClient, by their KAFKA_CLIENT name: kafkajs (no
 * release since 2023) and @platformatic/kafka (maintained, pure JavaScript). Both behave
 * the same through the interface; docs/benchmarks.md compares them.
 */
export const KAFKA_CLIENTS = {
  // Each loaded only when chosen: a service carries one client library, not both (importing
  // @platformatic/kafka alone costs a service 16 MB of memory, kafkajs a few; issue 18).
  kafkajs: (options: BrokerOptions): BrokerClient => {
    const loaded = require('./kafkajs/kafkajs-broker-client') as {
      KafkajsBrokerClient: typeof KafkajsBrokerClient;
    };
    return new loaded.KafkajsBrokerClient(options);
  },
  platformatic: (options: BrokerOptions): BrokerClient => {
    const loaded = require('./platformatic/platformatic-broker-client') as {
      PlatformaticBrokerClient: typeof PlatformaticBrokerClient;
    };
    return new loaded.PlatformaticBrokerClient(options);
  },
} as const;

export type KafkaClientName = keyof typeof KAFKA_CLIENTS;

export const DEFAULT_KAFKA_CLIENT: KafkaClientName = 'kafkajs';

export function isKafkaClientName(name: string): name is KafkaClientName {
  return Object.hasOwn(KAFKA_CLIENTS, name);
}

/**
 * The BrokerClient that KAFKA_CLIENT names (unset or empty: the default). An unknown name
 * fails at start, naming the ones there are, rather than silently using another client.
 */
export function createBrokerClient(
  options: BrokerOptions,
  client: string | undefined = DEFAULT_KAFKA_CLIENT,
): BrokerClient {
  const name = client || DEFAULT_KAFKA_CLIENT;
  if (!isKafkaClientName(name)) {
    throw new Error(
      `KAFKA_CLIENT=${name} is not a Kafka client this service knows: use one of ${Object.keys(KAFKA_CLIENTS).join(', ')}`,
    );
  }
  return KAFKA_CLIENTS[name](options);
}
