import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AutoPaySetting,
  PaymentOrderResponse,
  PayOrderRequest,
  SIMULATOR_ADMIN_API,
} from '@lien-thong/agency-contracts';
import { AutoPayService } from './auto-pay.service';
import { OrderIdParam } from './dto/order-id-param.dto';
import { PaymentGatewayService } from './payment-gateway.service';
import { Role, Roles } from '@lien-thong/platform';

@ApiTags('Admin: payment gateway (simulator)')
@Roles(Role.Operator)
@Controller()
export class PaymentGatewayAdminController {
  constructor(
    private readonly gateway: PaymentGatewayService,
    private readonly autoPay: AutoPayService,
  ) {}

  @Post('/admin/payments/orders/:orderId/pay')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The citizen paid (optional paidAt for a late payment); callback follows',
  })
  @ApiOkResponse({ type: PaymentOrderResponse })
  @ApiConflictResponse({ description: 'The order was cancelled (PAYMENT.ORDER_CANCELLED)' })
  pay(
    @Param() { orderId }: OrderIdParam,
    @Body() body: PayOrderRequest,
  ): Promise<PaymentOrderResponse> {
    // null means "now", as an absent paidAt does (the fuzzer found a payment paid at null).
    return this.gateway.pay(orderId, body.paidAt ?? undefined);
  }

  @Post('/admin/payments/orders/:orderId/callback')
  @HttpCode(202)
  @ApiOperation({
    summary: "Send a paid order's callback again (tests the receiver's idempotency)",
  })
  @ApiAcceptedResponse({ type: PaymentOrderResponse })
  @ApiConflictResponse({ description: 'The order is not paid (PAYMENT.ORDER_NOT_PAID)' })
  redeliver(@Param() { orderId }: OrderIdParam): Promise<PaymentOrderResponse> {
    return this.gateway.redeliverCallback(orderId);
  }

  @Get(SIMULATOR_ADMIN_API.paymentAutoPay)
  @ApiOperation({ summary: 'Current auto-pay delay (null: off)' })
  @ApiOkResponse({ type: AutoPaySetting })
  getAutoPay(): AutoPaySetting {
    return { delayMs: this.autoPay.get() };
  }

  @Put(SIMULATOR_ADMIN_API.paymentAutoPay)
  @ApiOperation({ summary: 'Pay every new order after delayMs; null switches it off' })
  @ApiOkResponse({ type: AutoPaySetting })
  setAutoPay(@Body() body: AutoPaySetting): AutoPaySetting {
    this.autoPay.set(body.delayMs);
    return { delayMs: this.autoPay.get() };
  }
}
