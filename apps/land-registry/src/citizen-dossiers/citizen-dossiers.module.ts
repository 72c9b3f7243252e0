import { Module } from '@nestjs/common';
import { DossierStoreModule } from '../dossiers/dossiers.module';
import { CitizenDossiersController } from './citizen-dossiers.controller';
import { CitizenDossiersRepository } from './citizen-dossiers.repository';
import { CitizenDossiersService } from './citizen-dossiers.service';

/** GET /citizen/dossiers: the dossiers the logged-in citizen is a party of. */
@Module({
  imports: [DossierStoreModule],
  controllers: [CitizenDossiersController],
  providers: [CitizenDossiersService, CitizenDossiersRepository],
})
export class CitizenDossiersModule {}
