import { Logger } from '@nestjs/common';

/**
 * A background sweep run every `everyMs`: a failed round is logged and the next one tries
 * again, and a round still running when the next is due is not doubled. Start it in
 * onApplicationBootstrap and stop it in beforeApplicationShutdown, before the database closes.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly what: string,
    private readonly everyMs: number,
    private readonly round: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = true;
      void this.round()
        .catch((err: unknown) => this.logger.warn(`${this.what} failed: ${String(err)}`))
        .finally(() => {
          this.running = false;
        });
    }, this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
