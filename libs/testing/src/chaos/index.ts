export * from './chaos-plan';
export * from './chaos-scenarios';
export * from './chaos-run';
export * from './chaos-audit';
export * from './chaos-report';
export * from './chaos-poison';
export * from './chaos-http';
export * from './chaos-cluster';
