import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { AssessmentsModule } from '../assessments/assessments.module';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';

@Module({
  imports: [AssessmentsModule, AgenciesModule],
  controllers: [PaymentsController],
  providers: [PaymentsService],
})
export class PaymentsModule {}
