import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiOperation } from '@nestjs/swagger';
import {
  MessageAcceptedResponse,
  ZaloMessageRequest,
  ZALO_GATEWAY_API,
} from '@lien-thong/agency-contracts';
import { SimulatedAgency } from '../faults/simulated-agency.decorator';
import { MessagingGatewaysService } from './messaging-gateways.service';
import { Public } from '@lien-thong/platform';

@SimulatedAgency('zalo')
@Public('a simulated agency API: the real system authenticates our services its own way')
@Controller(ZALO_GATEWAY_API.simulatorMount)
export class ZaloGatewayController {
  constructor(private readonly gateways: MessagingGatewaysService) {}

  @Post(ZALO_GATEWAY_API.messages)
  @HttpCode(202)
  @ApiOperation({ summary: 'Accept a message for delivery (idempotent by messageId)' })
  @ApiAcceptedResponse({ type: MessageAcceptedResponse })
  @ApiConflictResponse({
    description: 'messageId already used for another message (MESSAGING.MESSAGE_ID_REUSED)',
  })
  send(@Body() request: ZaloMessageRequest): Promise<MessageAcceptedResponse> {
    return this.gateways.acceptText('zalo', request);
  }
}
