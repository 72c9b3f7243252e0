export * from '@lien-thong/test-infra';
export * from './service-harness';
