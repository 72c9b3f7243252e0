import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import {
  isDuplicateKey,
  PeriodicTask,
  SERVICE_CONFIG,
  ServiceAccountToken,
  ServiceConfig,
} from '@lien-thong/platform';
import { AuditLog } from './audit-log';

/** A login event as Keycloak's admin API lists it. */
interface LoginEvent {
  id?: string;
  time: number;
  type: string;
  clientId?: string;
  userId?: string;
  ipAddress?: string;
  error?: string;
  details?: Record<string, string>;
}

/** Failed logins kept as imported (their keys), so that each is recorded once by one instance. */
const IMPORTED = 'audit_imported_login_failures';
const LOOK_BACK_MS = 24 * 60 * 60_000;

/**
 * Brings the identity provider's failed logins into this service's hash-chained audit log
 * (AUTH.LOGIN_FAILED: the user name tried, the error, the client, from where, when). The
 * provider keeps them in its own event store; here they cannot be quietly edited. Reads the
 * realm's LOGIN_ERROR events with a service account allowed to view events
 * (OIDC_AUDIT_CLIENT_ID/SECRET), every LOGIN_FAILURES_POLL_MS; off when no client is set.
 */
@Injectable()
export class LoginFailuresImport implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('login-failures');
  private readonly task?: PeriodicTask;
  private readonly token: ServiceAccountToken;
  /** Events older than this were imported by an earlier round. */
  private since = Date.now() - LOOK_BACK_MS;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @InjectConnection() private readonly connection: Connection,
    private readonly audit: AuditLog,
  ) {
    this.token = new ServiceAccountToken({
      issuerUrl: config.OIDC_ISSUER_URL,
      clientId: config.OIDC_AUDIT_CLIENT_ID,
      clientSecret: config.OIDC_AUDIT_CLIENT_SECRET,
      timeoutMs: 10_000,
    });
    if (this.token.configured)
      this.task = new PeriodicTask(
        'importing failed logins',
        config.LOGIN_FAILURES_POLL_MS,
        () => this.importNew(),
        this.logger,
      );
  }

  onApplicationBootstrap(): void {
    this.task?.start();
  }

  beforeApplicationShutdown(): void {
    this.task?.stop();
  }

  /** One round: the failed logins not yet recorded, oldest first; returns how many. */
  async importNew(): Promise<number> {
    const events = (await this.fetchEvents()).sort((a, b) => a.time - b.time);
    let imported = 0;
    for (const event of events) {
      if (event.time < this.since) continue;
      const key = event.id ?? `${event.time}:${event.userId ?? ''}:${event.ipAddress ?? ''}`;
      try {
        await this.connection.collection(IMPORTED).insertOne({ _id: key as never, at: new Date() });
      } catch (err) {
        if (isDuplicateKey(err)) continue; // recorded earlier, or by another instance
        throw err;
      }
      await this.audit.record({
        action: 'AUTH.LOGIN_FAILED',
        ip: event.ipAddress,
        details: {
          username: event.details?.['username'] ?? null,
          error: event.error ?? null,
          clientId: event.clientId ?? null,
          type: event.type,
          at: new Date(event.time).toISOString(),
        },
      });
      imported++;
    }
    // Keep a minute of overlap: the provider may list a late event with an earlier time.
    if (events.length > 0)
      this.since = Math.max(this.since, events[events.length - 1].time - 60_000);
    return imported;
  }

  private async fetchEvents(): Promise<LoginEvent[]> {
    const issuer = new URL(this.config.OIDC_ISSUER_URL);
    const realm = issuer.pathname.replace(/^.*\/realms\//, '').replace(/\/$/, '');
    const base = issuer.pathname.replace(/\/realms\/[^/]+\/?$/, '');
    const query = new URLSearchParams({
      type: 'LOGIN_ERROR',
      dateFrom: new Date(this.since).toISOString().slice(0, 10),
      first: '0',
      max: '500',
    });
    const url = `${issuer.origin}${base}/admin/realms/${encodeURIComponent(realm)}/events?${query}`;
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${await this.token.value()}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status === 401) this.token.forget();
    if (!res.ok) throw new Error(`the identity provider's events answered ${res.status}`);
    return (await res.json()) as LoginEvent[];
  }
}
