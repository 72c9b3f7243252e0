import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DeliveredMessageList,
  DeliveredMessageQuery,
  SIMULATOR_ADMIN_API,
} from '@lien-thong/agency-contracts';
import { MessagingGatewaysService } from './messaging-gateways.service';
import { Role, Roles } from '@lien-thong/platform';

@ApiTags('Admin: delivered messages (simulator)')
@Roles(Role.Operator)
@Controller()
export class MessagesAdminController {
  constructor(private readonly gateways: MessagingGatewaysService) {}

  @Get(SIMULATOR_ADMIN_API.messages)
  @ApiOperation({ summary: 'Messages accepted by the SMS, e-mail and Zalo gateways, oldest first' })
  @ApiOkResponse({ type: DeliveredMessageList })
  list(@Query() query: DeliveredMessageQuery): Promise<DeliveredMessageList> {
    return this.gateways.list(query);
  }
}
