import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiOperation } from '@nestjs/swagger';
import {
  EMAIL_GATEWAY_API,
  EmailMessageRequest,
  MessageAcceptedResponse,
} from '@lien-thong/agency-contracts';
import { SimulatedAgency } from '../faults/simulated-agency.decorator';
import { MessagingGatewaysService } from './messaging-gateways.service';
import { Public } from '@lien-thong/platform';

@SimulatedAgency('email')
@Public('a simulated agency API: the real system authenticates our services its own way')
@Controller(EMAIL_GATEWAY_API.simulatorMount)
export class EmailGatewayController {
  constructor(private readonly gateways: MessagingGatewaysService) {}

  @Post(EMAIL_GATEWAY_API.messages)
  @HttpCode(202)
  @ApiOperation({ summary: 'Accept an e-mail for delivery (idempotent by messageId)' })
  @ApiAcceptedResponse({ type: MessageAcceptedResponse })
  @ApiConflictResponse({
    description: 'messageId already used for another message (MESSAGING.MESSAGE_ID_REUSED)',
  })
  send(@Body() request: EmailMessageRequest): Promise<MessageAcceptedResponse> {
    return this.gateways.acceptEmail(request);
  }
}
