import { Inject, Injectable, Logger } from '@nestjs/common';
import { SERVICE_CONFIG } from '@lien-thong/platform';
import type { HoldPlacement } from '@lien-thong/agency-contracts';
import { OutboundHttp } from '../common/outbound-http';
import { AgencySimulatorsConfig } from '../config/agency-simulators.config';
import { parcelKey } from './justice-seed';

/**
 * Tells our system that a hold was placed or lifted, as the blocking database would push it.
 * Best effort, one attempt: the re-check before registration is what must catch a hold
 * anyway, and every answer carries its as-of time.
 */
@Injectable()
export class JusticeHoldWebhook {
  private readonly logger = new Logger(JusticeHoldWebhook.name);

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: AgencySimulatorsConfig,
    private readonly http: OutboundHttp,
  ) {}

  notify(placement: HoldPlacement): Promise<void> {
    const what = `hold ${placement.hold.documentNumber} on parcel ${parcelKey(placement.parcel)}`;
    return this.push(placement, what);
  }

  /** The same hold again with its liftedAt, so that nobody keeps refusing on a hold that is gone. */
  notifyLifted(lifted: HoldPlacement & { liftedAt: string }): Promise<void> {
    const what = `lift of hold ${lifted.hold.documentNumber} on parcel ${parcelKey(lifted.parcel)}`;
    return this.push(lifted, what);
  }

  private async push(body: HoldPlacement, what: string): Promise<void> {
    const url = this.config.JUSTICE_HOLD_WEBHOOK_URL;
    if (!url) {
      this.logger.debug(`${what}: no JUSTICE_HOLD_WEBHOOK_URL, nobody notified`);
      return;
    }
    const result = await this.http.postJson(url, body, this.config.JUSTICE_WEBHOOK_SECRET);
    if (result.ok) this.logger.log(`${what}: webhook answered ${result.status}`);
    else this.logger.warn(`${what}: webhook failed (${result.error}), not retried`);
  }
}
