import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@lien-thong/platform';
import { MessagingModule } from '@lien-thong/messaging';
import { AgencyClients, ResilienceModule } from '@lien-thong/resilience';
import { AuditModule } from '@lien-thong/audit';
import { ConstructionConfig, CONSTRUCTION } from './config/construction.config';
import { LandUseRightLookupsModule } from './lookups/land-use-right-lookups.module';
import { OpinionsModule } from './opinions/opinions.module';

@Module({})
export class AppModule {
  static forRoot(config: ConstructionConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          config,
          info: CONSTRUCTION,
          database: true,
          kafka: true,
          healthIndicators: [AgencyClients],
        }),
        MessagingModule.forRoot(config, CONSTRUCTION),
        // Look-ups in the land registry, replays and refused calls, hash-chained.
        AuditModule,
        ResilienceModule.forRoot(
          [{ agency: 'construction', baseUrl: config.CONSTRUCTION_URL }],
          config.AGENCY_POLICY_OVERRIDES,
        ),
        OpinionsModule,
        LandUseRightLookupsModule,
      ],
    };
  }
}
