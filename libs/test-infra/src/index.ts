export * from './infra';
export * from './kafka';
export * from './kafka-cluster';
