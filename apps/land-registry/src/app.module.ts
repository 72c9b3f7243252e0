import { DynamicModule, Module } from '@nestjs/common';
import { MaintenanceModule, PlatformModule } from '@lien-thong/platform';
import { MessagingModule } from '@lien-thong/messaging';
import { LandRegistryConfig, LAND_REGISTRY } from './config/land-registry.config';
import { DossiersModule } from './dossiers/dossiers.module';
import { AuditModule } from '@lien-thong/audit';

@Module({})
export class AppModule {
  static forRoot(config: LandRegistryConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, info: LAND_REGISTRY, database: true, kafka: true }),
        MessagingModule.forRoot(config, LAND_REGISTRY),
        // Officer actions, full-dossier reads, replays and refused calls, hash-chained.
        AuditModule,
        // PUT /admin/maintenance: new submissions refused, work under way goes on.
        MaintenanceModule,
        DossiersModule,
      ],
    };
  }
}
