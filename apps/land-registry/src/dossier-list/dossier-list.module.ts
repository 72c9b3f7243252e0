import { Module } from '@nestjs/common';
import { DossierStoreModule } from '../dossiers/dossiers.module';
import { DossierListController } from './dossier-list.controller';
import { DossierListRepository } from './dossier-list.repository';
import { DossierListService } from './dossier-list.service';

/** The officers' list of their unit's dossiers (GET /dossiers). */
@Module({
  imports: [DossierStoreModule],
  controllers: [DossierListController],
  providers: [DossierListService, DossierListRepository],
})
export class DossierListModule {}
