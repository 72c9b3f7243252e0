import { Logger } from '@nestjs/common';
import { SASLMechanisms } from '@platformatic/kafka';
import { BrokerOptions } from '../broker-client';

/** What every client of one BrokerClient shares: brokers, credentials, timeouts. */
export function connectionOptions(options: BrokerOptions) {
  return {
    clientId: options.clientId,
    bootstrapBrokers: options.brokers,
    // Without credentials the connection is PLAINTEXT: a broker given by KAFKA_BROKERS
    // alone (docker-compose, a deployment without SASL) keeps working unchanged.
    ...(options.sasl
      ? {
          sasl: {
            mechanism:
              options.sasl.mechanism === 'scram-sha-256'
                ? SASLMechanisms.SCRAM_SHA_256
                : SASLMechanisms.SCRAM_SHA_512,
            username: options.sasl.username,
            password: options.sasl.password,
          },
        }
      : {}),
    // As the kafkajs adapter: a broker that does not answer within 3 s counts as down.
    connectTimeout: 3000,
  };
}

/**
 * The library emits 'error' on a client (a consumer whose rejoin failed, say); an emitter
 * with no listener for it would throw and end the process. Logged instead, without the
 * messages' content.
 */
export function watchErrors<T extends { on(event: 'error', fn: (err: Error) => void): unknown }>(
  client: T,
  clientId: string,
  onError?: (err: Error) => void,
): T {
  const logger = new Logger(`kafka:${clientId}`);
  client.on('error', (err: Error) => {
    logger.warn(`Kafka client error: ${err.message}`);
    onError?.(err);
  });
  return client;
}
