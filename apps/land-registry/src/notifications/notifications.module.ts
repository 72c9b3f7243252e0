import { Module } from '@nestjs/common';
import { NotificationServiceClient } from './notification-service.client';

/** The notification service as the land registry reads it: the messages sent about a dossier. */
@Module({
  providers: [NotificationServiceClient],
  exports: [NotificationServiceClient],
})
export class NotificationsModule {}
