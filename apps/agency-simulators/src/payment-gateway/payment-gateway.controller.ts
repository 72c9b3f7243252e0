import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  CreatePaymentOrderRequest,
  PAYMENT_GATEWAY_API,
  PaymentOrderResponse,
} from '@lien-thong/agency-contracts';
import { SimulatedAgency } from '../faults/simulated-agency.decorator';
import { OrderIdParam } from './dto/order-id-param.dto';
import { renderPayPage } from './pay-page';
import { PaymentGatewayService } from './payment-gateway.service';
import { Public } from '@lien-thong/platform';

@SimulatedAgency('payment-gateway')
@Public('a simulated agency API: the real system authenticates our services its own way')
@Controller(PAYMENT_GATEWAY_API.simulatorMount)
export class PaymentGatewayController {
  constructor(private readonly gateway: PaymentGatewayService) {}

  @Post(PAYMENT_GATEWAY_API.orders)
  @ApiOperation({ summary: 'Open a payment order (idempotent by orderId)' })
  create(@Body() request: CreatePaymentOrderRequest): Promise<PaymentOrderResponse> {
    return this.gateway.create(request);
  }

  @Get(`${PAYMENT_GATEWAY_API.orders}/:orderId`)
  @ApiOperation({ summary: 'A payment order and its status' })
  get(@Param() { orderId }: OrderIdParam): Promise<PaymentOrderResponse> {
    return this.gateway.get(orderId);
  }

  @Get('/pay/:orderId')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: "The citizen's payment page (payUrl), clearly marked as simulated" })
  async payPage(@Param() { orderId }: OrderIdParam): Promise<string> {
    // The page's button posts back to this same address (below).
    return renderPayPage(await this.gateway.get(orderId), '');
  }

  @Post('/pay/:orderId')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: "The citizen presses Pay on the gateway's page: paid now" })
  async payNow(@Param() { orderId }: OrderIdParam): Promise<string> {
    await this.gateway.pay(orderId, undefined);
    return renderPayPage(await this.gateway.get(orderId), '');
  }
}
