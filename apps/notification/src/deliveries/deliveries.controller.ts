import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, hasRole, Role, Roles } from '@lien-thong/platform';
import { DeliveriesService } from './deliveries.service';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { NotificationList, toView } from './dto/notification.view';

@ApiTags('Notifications')
// The operator, and the land registry's service account for the officer's view of a dossier
// (a message that went through is announced by no event: its status is read here).
@Roles(Role.Operator, Role.NotificationReader)
@Controller('notifications')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get()
  @ApiOperation({
    summary:
      'Messages sent (or not) about a dossier, oldest first, recipients masked: for the operator, and without their text for the land registry',
  })
  @ApiOkResponse({ type: NotificationList })
  async list(
    @Query() { dossierCode }: ListNotificationsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<NotificationList> {
    // Only the operator reads what was written to the citizen; the land registry needs statuses.
    const withContent = hasRole(actor, Role.Operator);
    const notifications = (await this.deliveries.listByDossier(dossierCode)).map((d) =>
      toView(d, withContent),
    );
    return { count: notifications.length, notifications };
  }
}
