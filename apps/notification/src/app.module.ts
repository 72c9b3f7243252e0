import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@lien-thong/platform';
import { MessagingModule } from '@lien-thong/messaging';
import { NotificationConfig, NOTIFICATION } from './config/notification.config';

@Module({})
export class AppModule {
  static forRoot(config: NotificationConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, info: NOTIFICATION, database: true, kafka: true }),
        MessagingModule.forRoot(config, NOTIFICATION),
      ],
    };
  }
}
