import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
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
  @ApiOkResponse({ type: PaymentReceipt })
  @ApiNotFoundResponse({
    description: 'Không có nghĩa vụ ứng với lệnh này (PAYMENT.ORDER_NOT_FOUND)',
  })
  @ApiConflictResponse({
    description: 'Phiếu đã bị trả lại, không có gì phải nộp (PAYMENT.NOT_PAYABLE)',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'Số tiền không khớp, hoặc cổng không xác nhận (PAYMENT.AMOUNT_MISMATCH, PAYMENT.NOT_CONFIRMED)',
  })
  @ApiServiceUnavailableResponse({
    description:
      'Chưa đối soát được với cổng thanh toán; cổng gửi lại sau (PAYMENT.GATEWAY_UNAVAILABLE)',
  })
  callback(@Body() callback: PaymentCallbackDto): Promise<PaymentReceipt> {
    return this.payments.confirm(callback);
  }
}
