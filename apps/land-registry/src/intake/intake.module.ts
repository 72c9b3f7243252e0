import { Module } from '@nestjs/common';
import { DossierStoreModule } from '../dossiers/dossiers.module';
import { ReferenceDataModule } from '../reference-data/reference-data.module';
import { DossierSequenceRepository } from './dossier-sequence.repository';
import { IdempotencyRepository } from './idempotency.repository';
import { IntakeController } from './intake.controller';
import { IntakeValidationController } from './intake-validation.controller';
import { IntakeService } from './intake.service';
import { ParcelClaimRepository } from './parcel-claim.repository';
import { ParcelClaims } from './parcel-claims';

/** Receiving a dossier: checks at the boundary, one per parcel, numbering, the receipt. */
@Module({
  imports: [DossierStoreModule, ReferenceDataModule],
  controllers: [IntakeController, IntakeValidationController],
  providers: [
    IntakeService,
    IdempotencyRepository,
    DossierSequenceRepository,
    ParcelClaimRepository,
    ParcelClaims,
  ],
})
export class IntakeModule {}
