import { Global, Module } from '@nestjs/common';
import { SECURITY_EVENTS } from '@lien-thong/platform';
import { AuditLog } from './audit-log';
import { AuditController } from './audit.controller';
import { LoginFailuresImport } from './login-failures';

/**
 * The service's audit log (collection audit_log in its own database), GET /audit/records and
 * GET /audit/verification for the auditor, and the sink of the guard's security events.
 * Import it once, in the app module, after PlatformModule.forRoot({ database: true }).
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditLog, LoginFailuresImport, { provide: SECURITY_EVENTS, useExisting: AuditLog }],
  exports: [AuditLog, SECURITY_EVENTS],
})
export class AuditModule {}
