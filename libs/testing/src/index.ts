export * from '@lien-thong/test-infra';
export * from './service-harness';
export * from './service-process';
export * from './event-probe';
export * from './stack';
export * from './scenarios';
export * from './chaos';
export * from './signed-events';
