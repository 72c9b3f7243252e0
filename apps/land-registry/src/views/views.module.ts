import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { DocumentsModule } from '../documents/documents.module';
import { DossierStoreModule } from '../dossiers/dossiers.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { DossierReadsService } from './dossier-reads.service';
import { DossierViewsController } from './dossier-views.controller';
import { OfficerAnswers } from './officer-answers';
import { TrackingAttempts } from './tracking-attempts';

/** What people read: a dossier for its officers or its parties, tracking, the backlog. */
@Module({
  imports: [
    DossierStoreModule,
    // The officer's view lists the dossier's documents.
    DocumentsModule,
    // The officer's view lists the messages sent to the citizen (the notification service's).
    NotificationsModule,
    // Per-client request limit of the public tracking route (the guard is applied there only).
    ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: 30 }]),
  ],
  controllers: [DossierViewsController],
  providers: [DossierReadsService, OfficerAnswers, TrackingAttempts],
  exports: [OfficerAnswers],
})
export class ViewsModule {}
