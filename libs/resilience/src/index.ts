export * from './breaker/agency-errors';
export * from './breaker/agency-policy';
export * from './breaker/agency-client';
export * from './breaker/bulkhead';
export * from './breaker/default-policies';
export * from './agency-clients';
export * from './resilience.module';
export * from './breaker/request-breaker';
