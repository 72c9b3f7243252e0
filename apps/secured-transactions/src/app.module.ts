import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@lien-thong/platform';
import { MessagingModule } from '@lien-thong/messaging';
import { AgencyClients, ResilienceModule } from '@lien-thong/resilience';
import {
  SecuredTransactionsConfig,
  SECURED_TRANSACTIONS,
} from './config/secured-transactions.config';
import { ParcelCheckModule } from './parcel-checks/parcel-check.module';
import { HoldsModule } from './holds/holds.module';
import { AuditModule } from '@lien-thong/audit';

@Module({})
export class AppModule {
  static forRoot(config: SecuredTransactionsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          config,
          info: SECURED_TRANSACTIONS,
          database: true,
          kafka: true,
          healthIndicators: [AgencyClients],
        }),
        MessagingModule.forRoot(config, SECURED_TRANSACTIONS),
        // Officer actions, full-dossier reads, replays and refused calls, hash-chained.
        AuditModule,
        ResilienceModule.forRoot(
          [{ agency: 'justice-registry', baseUrl: config.JUSTICE_REGISTRY_URL }],
          config.AGENCY_POLICY_OVERRIDES,
        ),
        ParcelCheckModule,
        HoldsModule,
      ],
    };
  }
}
