import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type CircuitBreaker from 'opossum';
import { HttpAnswer, httpCall, SERVICE_CONFIG, ServiceAccountToken } from '@lien-thong/platform';
import { DEFAULT_POLICY, requestBreaker } from '@lien-thong/resilience';
import { LandRegistryConfig } from '../config/land-registry.config';
import type { NotificationRecord } from '../dossiers/schemas/dossier-notification.schema';
import { ListedNotification, settledRecords } from './notification-records';

/** How a read of a dossier's messages ended, for the view to say whether the list is whole. */
export type MessagesAnswer =
  { kind: 'listed'; notifications: NotificationRecord[] } | { kind: 'unavailable'; why: string };

class NotificationServiceFailure extends Error {}

/**
 * The notification service's GET /notifications, with the land registry's own service
 * account (client credentials, realm role notification-reader; token cached until shortly
 * before it expires), through a circuit breaker with a timeout that really cancels the
 * request. The notification service is ours, not an external agency (no AgencyClients entry,
 * no availability event): its breaker only keeps officers from waiting on a service that is
 * down, whose messages the view then marks as incomplete.
 */
@Injectable()
export class NotificationServiceClient implements OnApplicationShutdown {
  private readonly logger = new Logger('notification client');
  private readonly breaker: CircuitBreaker<[string], NotificationRecord[]>;
  private readonly token: ServiceAccountToken;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: LandRegistryConfig) {
    this.token = new ServiceAccountToken({
      issuerUrl: config.OIDC_ISSUER_URL,
      clientId: config.OIDC_LAND_REGISTRY_CLIENT_ID,
      clientSecret: config.OIDC_LAND_REGISTRY_CLIENT_SECRET,
      timeoutMs: config.NOTIFICATION_TIMEOUT_MS,
    });
    // The default agency thresholds (a quick, idempotent read); the timeout is the read's own.
    this.breaker = requestBreaker(
      'notification',
      'the notification service',
      DEFAULT_POLICY,
      (code: string) => this.get(code), // get() aborts the request itself
      this.logger,
    );
  }

  get configured(): boolean {
    return this.token.configured;
  }

  /** The messages sent or refused about a dossier, oldest first, as the officer's view lists them. */
  async messagesOf(dossierCode: string): Promise<MessagesAnswer> {
    if (!this.configured) return { kind: 'unavailable', why: 'no service account configured' };
    try {
      return { kind: 'listed', notifications: await this.breaker.fire(dossierCode) };
    } catch (err) {
      const open = (err as { code?: string }).code === 'EOPENBREAKER';
      return { kind: 'unavailable', why: open ? 'breaker open' : String(err) };
    }
  }

  private async get(dossierCode: string): Promise<NotificationRecord[]> {
    const base = this.config.NOTIFICATION_URL.replace(/\/+$/, '');
    const url = `${base}/notifications?dossierCode=${encodeURIComponent(dossierCode)}`;
    let res: HttpAnswer;
    try {
      res = await httpCall(url, {
        headers: { authorization: `Bearer ${await this.token.value()}` },
        timeoutMs: this.config.NOTIFICATION_TIMEOUT_MS,
      });
    } catch (err) {
      throw new NotificationServiceFailure(
        `the notification service did not answer: ${(err as Error).message}`,
      );
    }
    if (res.status === 401) this.token.forget();
    if (!res.ok)
      throw new NotificationServiceFailure(`the notification service answered HTTP ${res.status}`);
    const body = JSON.parse(res.text) as { notifications: ListedNotification[] };
    return settledRecords(body.notifications);
  }

  onApplicationShutdown(): void {
    this.breaker.shutdown();
  }
}
