import { Global, Module } from '@nestjs/common';
import { OPERATOR_ACTIONS, SECURITY_EVENTS } from '@lien-thong/platform';
import { AuditLog } from './audit-log';
import { AuditController } from './audit.controller';
import { LoginFailuresImport } from './login-failures';

/**
 * The service's audit log (collection audit_log in its own database), GET /audit/records and
 * GET /audit/verification for the auditor, the sink of the guard's security events and of the
 * operators' switches.
 * Import it once, in the app module, after PlatformModule.forRoot({ database: true }).
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: [
    AuditLog,
    LoginFailuresImport,
    { provide: SECURITY_EVENTS, useExisting: AuditLog },
    // What operators switch (the maintenance mode) is kept with the officers' actions.
    { provide: OPERATOR_ACTIONS, useExisting: AuditLog },
  ],
  exports: [AuditLog, SECURITY_EVENTS, OPERATOR_ACTIONS],
})
export class AuditModule {}
