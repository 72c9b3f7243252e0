export * from './infra';
export * from './kafka';
export * from './kafka-cluster';
export * from './jaeger';
