import { Module } from '@nestjs/common';
import { DossierStoreModule } from '../dossiers/dossiers.module';
import { ReferenceDataModule } from '../reference-data/reference-data.module';
import { ViewsModule } from '../views/views.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { OfficerActionsController } from './officer-actions.controller';
import { OfficerDecisionsService } from './officer-decisions.service';
import { OfficersRepository } from './officers.repository';
import { ReviewController } from './review.controller';
import { ReviewService } from './review.service';

/**
 * What people decide: supplements, refusal, hand-over at the counter; the land office's
 * review, assignment, proposal, send-back and approval; withdrawal by the applicant.
 */
@Module({
  imports: [DossierStoreModule, ReferenceDataModule, WorkflowModule, ViewsModule],
  controllers: [OfficerActionsController, ReviewController],
  providers: [OfficerDecisionsService, ReviewService, OfficersRepository],
})
export class OfficerActionsModule {}
