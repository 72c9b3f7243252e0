import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { SERVICE_CONFIG, SIGNATURE_HEADER, signWebhook } from '@lien-thong/platform';
import { AgencySimulatorsConfig } from '../config/agency-simulators.config';

export type DeliveryResult = { ok: true; status: number } | { ok: false; error: string };

/**
 * The simulators' calls out to our services (hold webhook, payment callbacks): JSON POST,
 * bounded by OUTBOUND_TIMEOUT_MS, cut short when the app shuts down. Never throws.
 */
@Injectable()
export class OutboundHttp implements OnModuleDestroy {
  private readonly shutdown = new AbortController();

  constructor(@Inject(SERVICE_CONFIG) private readonly config: AgencySimulatorsConfig) {}

  /** Aborted when the app stops: pending sleeps and calls end instead of holding it open. */
  get stopping(): AbortSignal {
    return this.shutdown.signal;
  }

  /** POSTs body as JSON, signed with `secret` as the real agency signs its webhooks. */
  async postJson(url: string, body: unknown, secret: string): Promise<DeliveryResult> {
    try {
      const json = JSON.stringify(body);
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signWebhook(secret, json),
        },
        body: json,
        signal: AbortSignal.any([
          AbortSignal.timeout(this.config.OUTBOUND_TIMEOUT_MS),
          this.shutdown.signal,
        ]),
      });
      // Drain the body so the connection is released.
      await response.arrayBuffer();
      return response.ok
        ? { ok: true, status: response.status }
        : { ok: false, error: `HTTP ${response.status}` };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  onModuleDestroy(): void {
    this.shutdown.abort();
  }
}
