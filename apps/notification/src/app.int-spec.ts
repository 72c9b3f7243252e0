import { describeServiceBoots } from '@lien-thong/testing';
import { AppModule } from './app.module';
import { loadNotificationConfig, NOTIFICATION } from './config/notification.config';

describeServiceBoots(NOTIFICATION, loadNotificationConfig, (config) => AppModule.forRoot(config));
