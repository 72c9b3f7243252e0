import { createBrokerClient } from './broker-factory';
import { KafkajsBrokerClient } from './kafkajs/kafkajs-broker-client';
import { PlatformaticBrokerClient } from './platformatic/platformatic-broker-client';

const options = { brokers: ['127.0.0.1:9092'], clientId: 'factory-test' };

describe('KAFKA_CLIENT picks the Kafka client library', () => {
  it('uses kafkajs when the variable is unset or empty', () => {
    expect(createBrokerClient(options)).toBeInstanceOf(KafkajsBrokerClient);
    expect(createBrokerClient(options, '')).toBeInstanceOf(KafkajsBrokerClient);
  });

  it('uses @platformatic/kafka for platformatic', () => {
    expect(createBrokerClient(options, 'platformatic')).toBeInstanceOf(PlatformaticBrokerClient);
  });

  it('refuses a name it does not know, naming the ones there are', () => {
    expect(() => createBrokerClient(options, 'rdkafka')).toThrow(
      'KAFKA_CLIENT=rdkafka is not a Kafka client this service knows: use one of kafkajs, platformatic',
    );
  });
});
