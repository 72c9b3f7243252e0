import { Module } from '@nestjs/common';
import { DossierStoreModule } from '../dossiers/dossiers.module';
import { ReferenceDataModule } from '../reference-data/reference-data.module';
import { AgencyOutagesService } from './agency-outages.service';
import { CadastralRegistrationService } from './cadastral-registration.service';
import { DelayWatchService } from './delay-watch.service';
import { SagaWriter } from './saga-writer';
import { TransferSagaConsumer } from './transfer-saga.consumer';
import { TransferSagaService } from './transfer-saga.service';

/**
 * The workflow owns the dossier's steps: what other agencies report (the consumer), the pure
 * decisions (transfer-saga.ts, officer-actions.ts, land-office-review.ts), the writer that
 * applies them with their events, the cadastral book after registration, and the sweeps.
 */
@Module({
  imports: [DossierStoreModule, ReferenceDataModule],
  controllers: [TransferSagaConsumer],
  providers: [
    SagaWriter,
    TransferSagaService,
    CadastralRegistrationService,
    DelayWatchService,
    AgencyOutagesService,
  ],
  exports: [SagaWriter],
})
export class WorkflowModule {}
