import { DynamicModule, Module } from '@nestjs/common';
import { MaintenanceModule, PlatformModule } from '@lien-thong/platform';
import { MessagingModule } from '@lien-thong/messaging';
import { LandRegistryConfig, LAND_REGISTRY } from './config/land-registry.config';
import { AgencyApiModule } from './agency-api/agency-api.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { CitizenDossiersModule } from './citizen-dossiers/citizen-dossiers.module';
import { DocumentsModule } from './documents/documents.module';
import { DossierListModule } from './dossier-list/dossier-list.module';
import { StatisticsModule } from './statistics/statistics.module';
import { FormsModule } from './forms/forms.module';
import { IntakeModule } from './intake/intake.module';
import { OfficerActionsModule } from './officer-actions/officer-actions.module';
import { ViewsModule } from './views/views.module';
import { WorkflowModule } from './workflow/workflow.module';
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
        // One module per concern; imports go one way: intake, officer actions and views build
        // on the workflow and the dossier store, never the other way round.
        IntakeModule,
        WorkflowModule,
        OfficerActionsModule,
        ViewsModule,
        // GET /dossiers: the officer console's queue of the unit (issue 16).
        DossierListModule,
        // GET /statistics(.csv): a unit's figures over a period, from its dossiers (issue 16).
        StatisticsModule,
        // GET /dossiers/:code/forms/:form: the printable forms as PDF (issue 16).
        FormsModule,
        // GET /citizen/dossiers: the citizen portal's "Hồ sơ của tôi" (issue 16).
        CitizenDossiersModule,
        // POST/GET /dossiers/:code/documents: uploaded documents, scanned, in GridFS (issue 16).
        DocumentsModule,
        // GET /procedures: the public procedure catalogue (libs/procedures).
        CatalogueModule,
        // GET /agency/…: reads for other agencies' systems (the construction department's).
        AgencyApiModule,
      ],
    };
  }
}
