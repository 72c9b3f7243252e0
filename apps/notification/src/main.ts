import 'reflect-metadata';
import { bootstrapService, exitOnBootFailure } from '@lien-thong/platform';
import { AppModule } from './app.module';
import { loadNotificationConfig, NOTIFICATION } from './config/notification.config';

async function main(): Promise<void> {
  const config = loadNotificationConfig();
  await bootstrapService({ module: AppModule.forRoot(config), config, info: NOTIFICATION });
}

main().catch(exitOnBootFailure('notification'));
