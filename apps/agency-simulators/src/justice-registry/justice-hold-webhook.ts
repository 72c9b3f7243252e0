import { Inject, Injectable, Logger } from '@nestjs/common';
import { SERVICE_CONFIG } from '@lien-thong/platform';
import type { HoldPlacement } from '@lien-thong/agency-contracts';
import { OutboundHttp } from '../common/outbound-http';
import { AgencySimulatorsConfig } from '../config/agency-simulators.config';
import { parcelKey } from './justice-seed';

/**
 * Tells our system that a hold was placed, as the blocking database would push it. Best
 * effort, one attempt: the re-check before registration is what must catch the hold anyway.
 */
@Injectable()
export class JusticeHoldWebhook {
  private readonly logger = new Logger(JusticeHoldWebhook.name);

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: AgencySimulatorsConfig,
    private readonly http: OutboundHttp,
  ) {}

  async notify(placement: HoldPlacement): Promise<void> {
    const url = this.config.JUSTICE_HOLD_WEBHOOK_URL;
    const what = `hold ${placement.hold.documentNumber} on parcel ${parcelKey(placement.parcel)}`;
    if (!url) {
      this.logger.debug(`${what}: no JUSTICE_HOLD_WEBHOOK_URL, nobody notified`);
      return;
    }
    const result = await this.http.postJson(url, placement, this.config.JUSTICE_WEBHOOK_SECRET);
    if (result.ok) this.logger.log(`${what}: webhook answered ${result.status}`);
    else this.logger.warn(`${what}: webhook failed (${result.error}), not retried`);
  }
}
