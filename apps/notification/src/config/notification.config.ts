import { loadConfig, PRODUCT_VERSION, ServiceConfig, ServiceInfo } from '@lien-thong/platform';

export const NOTIFICATION: ServiceInfo = {
  name: 'notification',
  version: PRODUCT_VERSION,
  title: 'Notifications',
  description: 'Tells citizens and agencies about every step of a dossier by SMS, e-mail and Zalo.',
};

/** Everything notification reads from its environment, validated at boot. */
export class NotificationConfig extends ServiceConfig {}

export function loadNotificationConfig(env: NodeJS.ProcessEnv = process.env): NotificationConfig {
  return loadConfig(NotificationConfig, { PORT: 3003 }, env);
}
