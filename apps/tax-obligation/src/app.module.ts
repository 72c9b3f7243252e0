import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@lien-thong/platform';
import { MessagingModule } from '@lien-thong/messaging';
import { AgencyClients, ResilienceModule } from '@lien-thong/resilience';
import { TaxObligationConfig, TAX_OBLIGATION } from './config/tax-obligation.config';
import { AssessmentsModule } from './assessments/assessments.module';
import { PaymentsModule } from './payments/payments.module';
import { AuditModule } from '@lien-thong/audit';

@Module({})
export class AppModule {
  static forRoot(config: TaxObligationConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          config,
          info: TAX_OBLIGATION,
          database: true,
          kafka: true,
          healthIndicators: [AgencyClients],
        }),
        MessagingModule.forRoot(config, TAX_OBLIGATION),
        // Officer actions, full-dossier reads, replays and refused calls, hash-chained.
        AuditModule,
        ResilienceModule.forRoot(
          [
            { agency: 'e-tax', baseUrl: config.E_TAX_URL },
            { agency: 'payment-gateway', baseUrl: config.PAYMENT_GATEWAY_URL },
          ],
          config.AGENCY_POLICY_OVERRIDES,
        ),
        AssessmentsModule,
        PaymentsModule,
      ],
    };
  }
}
