import { IsUrl } from 'class-validator';
import { loadConfig, PRODUCT_VERSION, ServiceConfig, ServiceInfo } from '@lien-thong/platform';

export const NOTIFICATION: ServiceInfo = {
  name: 'notification',
  version: PRODUCT_VERSION,
  title: 'Notifications',
  description: 'Tells citizens and agencies about every step of a dossier by SMS, e-mail and Zalo.',
};

const HTTP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** Everything notification reads from its environment, validated at boot. */
export class NotificationConfig extends ServiceConfig {
  /** SMS gateway API root (the simulator by default; the telecom's gateway in production). */
  @IsUrl(HTTP_URL)
  SMS_GATEWAY_URL = 'http://127.0.0.1:3100/sms/v1';

  @IsUrl(HTTP_URL)
  EMAIL_GATEWAY_URL = 'http://127.0.0.1:3100/email/v1';

  /** Zalo Official Account gateway; used only for citizens who opted in. */
  @IsUrl(HTTP_URL)
  ZALO_GATEWAY_URL = 'http://127.0.0.1:3100/zalo/v1';

  /**
   * The citizen portal's tracking page (apps/web behind the web gateway); messages link to
   * `<TRACKING_URL>?ma=<dossier code>`.
   */
  @IsUrl(HTTP_URL)
  TRACKING_URL = 'http://127.0.0.1:8080/tra-cuu';
}

export function loadNotificationConfig(env: NodeJS.ProcessEnv = process.env): NotificationConfig {
  return loadConfig(NotificationConfig, { PORT: 3003 }, env);
}
