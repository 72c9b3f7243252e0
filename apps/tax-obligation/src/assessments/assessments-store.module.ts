import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AssessmentsRepository } from './assessments.repository';
import { TaxAssessment, TaxAssessmentSchema } from './schemas/tax-assessment.schema';

/** The assessments collection, shared by assessing, payments and compensation. */
@Module({
  imports: [MongooseModule.forFeature([{ name: TaxAssessment.name, schema: TaxAssessmentSchema }])],
  providers: [AssessmentsRepository],
  exports: [AssessmentsRepository],
})
export class AssessmentsStoreModule {}
