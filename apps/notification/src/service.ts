import { ServiceDefinition } from '@lien-thong/platform';
import { connectEventConsumer } from '@lien-thong/messaging';
import { AppModule } from './app.module';
import {
  NotificationConfig,
  loadNotificationConfig,
  NOTIFICATION,
} from './config/notification.config';

/** How notification starts: used by main.ts and by the tests, so both boot it the same way. */
export const NOTIFICATION_SERVICE: ServiceDefinition<NotificationConfig> = {
  info: NOTIFICATION,
  loadConfig: loadNotificationConfig,
  module: (config) => AppModule.forRoot(config),
  connect: connectEventConsumer,
};
