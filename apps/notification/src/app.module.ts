import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@lien-thong/platform';
import { MessagingModule } from '@lien-thong/messaging';
import { AgencyClients, ResilienceModule } from '@lien-thong/resilience';
import { NotificationConfig, NOTIFICATION } from './config/notification.config';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { AuditModule } from '@lien-thong/audit';

@Module({})
export class AppModule {
  static forRoot(config: NotificationConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          config,
          info: NOTIFICATION,
          database: true,
          kafka: true,
          healthIndicators: [AgencyClients],
        }),
        MessagingModule.forRoot(config, NOTIFICATION),
        // Officer actions, full-dossier reads, replays and refused calls, hash-chained.
        AuditModule,
        ResilienceModule.forRoot(
          [
            { agency: 'sms', baseUrl: config.SMS_GATEWAY_URL },
            { agency: 'email', baseUrl: config.EMAIL_GATEWAY_URL },
            { agency: 'zalo', baseUrl: config.ZALO_GATEWAY_URL },
          ],
          config.AGENCY_POLICY_OVERRIDES,
        ),
        DeliveriesModule,
      ],
    };
  }
}
