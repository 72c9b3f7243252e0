import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { CompensationModule } from '../compensation/compensation.module';
import { AssessmentsConsumer } from './assessments.consumer';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsStoreModule } from './assessments-store.module';
import { AssessmentsService } from './assessments.service';
import { TaxFilingService } from './tax-filing.service';

@Module({
  imports: [AssessmentsStoreModule, AgenciesModule, CompensationModule],
  controllers: [AssessmentsConsumer, AssessmentsController],
  providers: [AssessmentsService, TaxFilingService],
})
export class AssessmentsModule {}
