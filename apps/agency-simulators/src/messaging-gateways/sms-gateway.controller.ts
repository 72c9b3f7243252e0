import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiOperation } from '@nestjs/swagger';
import {
  MessageAcceptedResponse,
  SmsMessageRequest,
  SMS_GATEWAY_API,
} from '@lien-thong/agency-contracts';
import { SimulatedAgency } from '../faults/simulated-agency.decorator';
import { MessagingGatewaysService } from './messaging-gateways.service';
import { Public } from '@lien-thong/platform';

@SimulatedAgency('sms')
@Public('a simulated agency API: the real system authenticates our services its own way')
@Controller(SMS_GATEWAY_API.simulatorMount)
export class SmsGatewayController {
  constructor(private readonly gateways: MessagingGatewaysService) {}

  @Post(SMS_GATEWAY_API.messages)
  @HttpCode(202)
  @ApiOperation({ summary: 'Accept a message for delivery (idempotent by messageId)' })
  @ApiAcceptedResponse({ type: MessageAcceptedResponse })
  @ApiConflictResponse({
    description: 'messageId already used for another message (MESSAGING.MESSAGE_ID_REUSED)',
  })
  send(@Body() request: SmsMessageRequest): Promise<MessageAcceptedResponse> {
    return this.gateways.acceptText('sms', request);
  }
}
