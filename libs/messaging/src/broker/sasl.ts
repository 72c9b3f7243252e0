import { SaslCredentials } from './broker-client';

/** The Kafka credentials part of a service's configuration (ServiceConfig has these fields). */
export interface SaslSettings {
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
  KAFKA_SASL_MECHANISM: SaslCredentials['mechanism'];
}

/**
 * SASL/SCRAM credentials when KAFKA_SASL_USERNAME is set; none otherwise, and the client
 * connects without authentication (a broker given by KAFKA_BROKERS alone keeps working).
 */
export function saslCredentials(config: SaslSettings): SaslCredentials | undefined {
  if (!config.KAFKA_SASL_USERNAME) return undefined;
  if (!config.KAFKA_SASL_PASSWORD) {
    throw new Error('KAFKA_SASL_USERNAME is set but KAFKA_SASL_PASSWORD is not');
  }
  return {
    mechanism: config.KAFKA_SASL_MECHANISM,
    username: config.KAFKA_SASL_USERNAME,
    password: config.KAFKA_SASL_PASSWORD,
  };
}
