import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@lien-thong/platform';
import { DeliveriesService } from './deliveries.service';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { NotificationList, toView } from './dto/notification.view';

@ApiTags('Notifications')
@Roles(Role.Operator)
@Controller('notifications')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get()
  @ApiOperation({
    summary:
      'Messages sent (or not) about a dossier, oldest first: for the operator, recipients masked',
  })
  @ApiOkResponse({ type: NotificationList })
  async list(@Query() { dossierCode }: ListNotificationsQuery): Promise<NotificationList> {
    const notifications = (await this.deliveries.listByDossier(dossierCode)).map(toView);
    return { count: notifications.length, notifications };
  }
}
