/**
 * Orders the registry's writes (placing and lifting holds) and lets a read take an as-of
 * time that no write in flight straddles: a hold stamped before a check's asOf is committed
 * before the check reads. One process only, which is what the simulator is.
 */
export class WriteFence {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  /** Runs `write` after every earlier write; it stamps its time when it runs. */
  write<T>(write: () => Promise<T>): Promise<T> {
    this.pending++;
    const run = this.tail.then(write);
    this.tail = run.catch(() => undefined);
    return run.finally(() => this.pending--);
  }

  /**
   * The as-of time of a read about to start: taken when no write is in flight, so every
   * write stamped before it is committed and every later one is stamped at or after it.
   */
  async asOf(): Promise<Date> {
    while (this.pending > 0) await this.tail;
    return new Date();
  }
}
