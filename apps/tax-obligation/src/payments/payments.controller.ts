import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PAYMENT_CALLBACK_PATH } from '../assessments/assessments.service';
import { PaymentCallbackDto, PaymentReceipt } from './dto/payment-callback.dto';
import { PaymentsService } from './payments.service';
import { SignedWebhook } from '@lien-thong/platform';

@ApiTags('payments')
@Controller()
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post(PAYMENT_CALLBACK_PATH)
  @SignedWebhook('PAYMENT_WEBHOOK_SECRET')
  @HttpCode(200)
  @ApiOperation({
    summary: "The payment gateway's callback: records a payment once; a repeat answers 200",
  })
  callback(@Body() callback: PaymentCallbackDto): Promise<PaymentReceipt> {
    return this.payments.confirm(callback);
  }
}
