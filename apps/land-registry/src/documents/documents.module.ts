import { Module } from '@nestjs/common';
import { SERVICE_CONFIG } from '@lien-thong/platform';
import type { LandRegistryConfig } from '../config/land-registry.config';
import { DossierStoreModule } from '../dossiers/dossiers.module';
import { DocumentUploadInterceptor } from './document-upload.interceptor';
import { DocumentsController } from './documents.controller';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { HttpVirusScanner } from './http-virus-scanner';
import { EicarScanner, VIRUS_SCANNER } from './virus-scanner';

/** POST/GET /dossiers/:code/documents: a dossier's documents, scanned, in GridFS. */
@Module({
  imports: [DossierStoreModule],
  controllers: [DocumentsController],
  providers: [
    DocumentsService,
    DocumentsRepository,
    DocumentUploadInterceptor,
    {
      // The scanning service when one is configured; the EICAR check alone otherwise.
      provide: VIRUS_SCANNER,
      inject: [SERVICE_CONFIG],
      useFactory: (config: LandRegistryConfig) =>
        config.VIRUS_SCAN_URL
          ? new HttpVirusScanner(config.VIRUS_SCAN_URL, config.VIRUS_SCAN_TIMEOUT_MS)
          : new EicarScanner(),
    },
  ],
  // The officer's view of a dossier lists its documents (views/officer-answers.ts).
  exports: [DocumentsService],
})
export class DocumentsModule {}
