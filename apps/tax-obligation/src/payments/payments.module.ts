import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { AssessmentsModule } from '../assessments/assessments.module';
import { PaymentsController } from './payments.controller';
import { PaymentReconciliationService } from './payment-reconciliation.service';
import { PaymentsService } from './payments.service';

@Module({
  imports: [AssessmentsModule, AgenciesModule],
  controllers: [PaymentsController],
  providers: [PaymentsService, PaymentReconciliationService],
})
export class PaymentsModule {}
