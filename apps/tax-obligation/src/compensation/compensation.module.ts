import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AgenciesModule } from '../agencies/agencies.module';
import { AssessmentsStoreModule } from '../assessments/assessments-store.module';
import { ClosedDossiersRepository } from './closed-dossiers.repository';
import { ClosuresConsumer } from './closures.consumer';
import { ClosuresService } from './closures.service';
import { CompensationRecordsRepository } from './compensation-records.repository';
import { CompensationSweep } from './compensation-sweep.service';
import { CompensationService } from './compensation.service';
import { ClosedDossier, ClosedDossierSchema } from './schemas/closed-dossier.schema';
import { CompensationRecord, CompensationRecordSchema } from './schemas/compensation-record.schema';

/** Closed dossiers and the undoing of what tax filed and charged for them. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ClosedDossier.name, schema: ClosedDossierSchema },
      { name: CompensationRecord.name, schema: CompensationRecordSchema },
    ]),
    AssessmentsStoreModule,
    AgenciesModule,
  ],
  controllers: [ClosuresConsumer],
  providers: [
    ClosedDossiersRepository,
    CompensationRecordsRepository,
    CompensationService,
    ClosuresService,
    CompensationSweep,
  ],
  exports: [CompensationService, ClosuresService],
})
export class CompensationModule {}
