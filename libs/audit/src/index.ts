export * from './audit-record';
export * from './canonical';
export * from './chain';
export * from './audit-log';
export * from './audit.controller';
export * from './audit.module';
export * from './dto/audit-query.dto';
export * from './dto/audit-views';
