import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ThrottlerModule } from '@nestjs/throttler';
import { ReferenceDataModule } from '../reference-data/reference-data.module';
import { SagaWriter } from '../transfer-saga/saga-writer';
import { TransferSagaConsumer } from '../transfer-saga/transfer-saga.consumer';
import { TransferSagaService } from '../transfer-saga/transfer-saga.service';
import { CadastralRegistrationService } from '../transfer-saga/cadastral-registration.service';
import { DelayWatchService } from './delay-watch.service';
import { DossierSequenceRepository } from './dossier-sequence.repository';
import { DossiersController } from './dossiers.controller';
import { ReviewController } from './review.controller';
import { ReviewService } from './review.service';
import { OfficersRepository } from './officers.repository';
import { DossiersRepository } from './dossiers.repository';
import { DossierNotificationsRepository } from './dossier-notifications.repository';
import {
  DossierNotification,
  DossierNotificationSchema,
} from './schemas/dossier-notification.schema';
import { DossiersService } from './dossiers.service';
import { IntakeService } from './intake.service';
import { IdempotencyRepository } from './idempotency.repository';
import { ParcelClaimRepository } from './parcel-claim.repository';
import { ParcelClaims } from './parcel-claims';
import { TrackingAttempts } from './tracking-attempts';
import { Dossier, DossierSchema } from './schemas/dossier.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Dossier.name, schema: DossierSchema },
      { name: DossierNotification.name, schema: DossierNotificationSchema },
    ]),
    ReferenceDataModule,
    // Per-client request limit of the public tracking route (the guard is applied there only).
    ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: 30 }]),
  ],
  controllers: [DossiersController, ReviewController, TransferSagaConsumer],
  providers: [
    DossiersRepository,
    DossierNotificationsRepository,
    DossierSequenceRepository,
    IdempotencyRepository,
    ParcelClaimRepository,
    ParcelClaims,
    DossiersService,
    ReviewService,
    OfficersRepository,
    IntakeService,
    SagaWriter,
    TransferSagaService,
    CadastralRegistrationService,
    DelayWatchService,
    TrackingAttempts,
  ],
})
export class DossiersModule {}
