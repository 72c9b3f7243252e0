import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AgenciesModule } from '../agencies/agencies.module';
import { AssessmentsConsumer } from './assessments.consumer';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsRepository } from './assessments.repository';
import { AssessmentsService } from './assessments.service';
import { TaxAssessment, TaxAssessmentSchema } from './schemas/tax-assessment.schema';
import { TaxFilingService } from './tax-filing.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: TaxAssessment.name, schema: TaxAssessmentSchema }]),
    AgenciesModule,
  ],
  controllers: [AssessmentsConsumer, AssessmentsController],
  providers: [AssessmentsRepository, AssessmentsService, TaxFilingService],
  exports: [AssessmentsRepository],
})
export class AssessmentsModule {}
