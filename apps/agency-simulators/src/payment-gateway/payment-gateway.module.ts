import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboundHttp } from '../common/outbound-http';
import { FaultsModule } from '../faults/faults.module';
import { AutoPayService } from './auto-pay.service';
import { PaymentCallbackService } from './payment-callback.service';
import { PaymentGatewayAdminController } from './payment-gateway-admin.controller';
import { PaymentGatewayController } from './payment-gateway.controller';
import { PaymentGatewayRepository } from './payment-gateway.repository';
import { PaymentGatewayService } from './payment-gateway.service';
import {
  PaymentOrder,
  PaymentOrderSchema,
  PaymentRefund,
  PaymentRefundSchema,
  PaymentTransaction,
  PaymentTransactionSchema,
} from './schemas/payment-order.schema';

@Module({
  imports: [
    FaultsModule,
    MongooseModule.forFeature([
      { name: PaymentOrder.name, schema: PaymentOrderSchema },
      { name: PaymentTransaction.name, schema: PaymentTransactionSchema },
      { name: PaymentRefund.name, schema: PaymentRefundSchema },
    ]),
  ],
  controllers: [PaymentGatewayController, PaymentGatewayAdminController],
  providers: [
    PaymentGatewayService,
    PaymentGatewayRepository,
    PaymentCallbackService,
    AutoPayService,
    OutboundHttp,
  ],
})
export class PaymentGatewayModule {}
