import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DossiersRepository } from './dossiers.repository';
import { DossierNotificationsRepository } from './dossier-notifications.repository';
import {
  DossierNotification,
  DossierNotificationSchema,
} from './schemas/dossier-notification.schema';
import { DossierRecord, DossierSchema } from './schemas/dossier.schema';

/**
 * The dossiers as stored: the collection, its repository (with the outbox) and the delivery
 * statuses kept beside each dossier. Intake, the workflow, officer actions and the views
 * build on it; it imports none of them.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: DossierRecord.name, schema: DossierSchema },
      { name: DossierNotification.name, schema: DossierNotificationSchema },
    ]),
  ],
  providers: [DossiersRepository, DossierNotificationsRepository],
  // The model too: the officers' list and the statistics read the collection their own way.
  exports: [MongooseModule, DossiersRepository, DossierNotificationsRepository],
})
export class DossierStoreModule {}
