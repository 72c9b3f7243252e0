import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { SERVICE_CONFIG } from '@lien-thong/platform';
import { AgencySimulatorsConfig } from '../config/agency-simulators.config';

/**
 * "Every citizen pays after delayMs", for benchmarks and demos. In memory: PAYMENT_AUTO_PAY_MS
 * sets it at boot, the admin API changes it; orders waiting when the process stops stay PENDING.
 */
@Injectable()
export class AutoPayService implements OnModuleDestroy {
  private readonly logger = new Logger(AutoPayService.name);
  private delayMs: number | null;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(@Inject(SERVICE_CONFIG) config: AgencySimulatorsConfig) {
    this.delayMs = config.PAYMENT_AUTO_PAY_MS ?? null;
  }

  get(): number | null {
    return this.delayMs;
  }

  set(delayMs: number | null): void {
    this.delayMs = delayMs;
  }

  /** Runs `pay` after the current delay, if auto-pay is on. */
  schedule(orderId: string, pay: () => Promise<unknown>): void {
    if (this.delayMs === null) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void pay().catch((error: unknown) => {
        this.logger.warn(`auto-pay of order ${orderId} failed: ${String(error)}`);
      });
    }, this.delayMs);
    this.timers.add(timer);
  }

  onModuleDestroy(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
