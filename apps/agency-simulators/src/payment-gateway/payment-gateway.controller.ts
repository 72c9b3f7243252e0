import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  CreatePaymentOrderRequest,
  OrderReversalRequest,
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
  @ApiCreatedResponse({ type: PaymentOrderResponse })
  @ApiConflictResponse({
    description: 'orderId already used for another order (PAYMENT.ORDER_ID_REUSED)',
  })
  @ApiUnprocessableEntityResponse({
    description: 'callbackUrl host not allowed (PAYMENT.CALLBACK_NOT_ALLOWED)',
  })
  create(@Body() request: CreatePaymentOrderRequest): Promise<PaymentOrderResponse> {
    return this.gateway.create(request);
  }

  @Get(`${PAYMENT_GATEWAY_API.orders}/:orderId`)
  @ApiOperation({ summary: 'A payment order and its status' })
  @ApiOkResponse({ type: PaymentOrderResponse })
  get(@Param() { orderId }: OrderIdParam): Promise<PaymentOrderResponse> {
    return this.gateway.get(orderId);
  }

  @Post(`${PAYMENT_GATEWAY_API.orders}/:orderId/cancel`)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel an unpaid order: it can no longer be paid (idempotent)',
  })
  @ApiOkResponse({ type: PaymentOrderResponse })
  @ApiNotFoundResponse({ description: 'No such order (PAYMENT.ORDER_NOT_FOUND)' })
  @ApiConflictResponse({
    description: 'The order was paid: refund it instead (PAYMENT.ORDER_ALREADY_PAID)',
  })
  cancel(
    @Param() { orderId }: OrderIdParam,
    @Body() body: OrderReversalRequest,
  ): Promise<PaymentOrderResponse> {
    return this.gateway.cancel(orderId, body.reason);
  }

  @Post(`${PAYMENT_GATEWAY_API.orders}/:orderId/refund`)
  @HttpCode(200)
  @ApiOperation({ summary: 'Refund a paid order in full (idempotent: one refund per order)' })
  @ApiOkResponse({ type: PaymentOrderResponse })
  @ApiNotFoundResponse({ description: 'No such order (PAYMENT.ORDER_NOT_FOUND)' })
  @ApiConflictResponse({ description: 'The order was never paid (PAYMENT.ORDER_NOT_PAID)' })
  refund(
    @Param() { orderId }: OrderIdParam,
    @Body() body: OrderReversalRequest,
  ): Promise<PaymentOrderResponse> {
    return this.gateway.refund(orderId, body.reason);
  }

  // The page sets its content type itself: with @Header, an invalid orderId's JSON error went
  // out labelled text/html (found by the API fuzzer).
  @Get('/pay/:orderId')
  @ApiOperation({ summary: "The citizen's payment page (payUrl), clearly marked as simulated" })
  @ApiProduces('text/html')
  @ApiOkResponse({ content: { 'text/html': { schema: { type: 'string' } } } })
  async payPage(
    @Param() { orderId }: OrderIdParam,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    // The page's button posts back to this same address (below).
    const page = renderPayPage(await this.gateway.get(orderId), '');
    res.type('html');
    return page;
  }

  @Post('/pay/:orderId')
  @HttpCode(200)
  @ApiOperation({ summary: "The citizen presses Pay on the gateway's page: paid now" })
  @ApiProduces('text/html')
  @ApiOkResponse({ content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiConflictResponse({ description: 'The order was cancelled (PAYMENT.ORDER_CANCELLED)' })
  async payNow(
    @Param() { orderId }: OrderIdParam,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    await this.gateway.pay(orderId, undefined);
    const page = renderPayPage(await this.gateway.get(orderId), '');
    res.type('html');
    return page;
  }
}
