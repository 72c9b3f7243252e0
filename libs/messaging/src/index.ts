export * from './broker/broker-client';
export { KafkajsBrokerClient } from './broker/kafkajs/kafkajs-broker-client';
