import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { AssessmentsStoreModule } from '../assessments/assessments-store.module';
import { CompensationModule } from '../compensation/compensation.module';
import { PaymentsController } from './payments.controller';
import { PaymentReconciliationService } from './payment-reconciliation.service';
import { PaymentsService } from './payments.service';

@Module({
  imports: [AssessmentsStoreModule, AgenciesModule, CompensationModule],
  controllers: [PaymentsController],
  providers: [PaymentsService, PaymentReconciliationService],
})
export class PaymentsModule {}
