/**
 * At most `maxConcurrent` calls at once, at most `maxQueue` waiting; beyond that a call
 * is refused at once, so that a slow agency cannot tie up every request of a service.
 */
export class Bulkhead {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly maxConcurrent: number,
    private readonly maxQueue: number,
  ) {}

  /** Runs fn in a slot; throws onFull() at once when the slots and the queue are full. */
  async run<T>(fn: () => Promise<T>, onFull: () => Error): Promise<T> {
    if (this.active >= this.maxConcurrent) {
      if (this.waiting.length >= this.maxQueue) throw onFull();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }

  get inUse(): { active: number; queued: number } {
    return { active: this.active, queued: this.waiting.length };
  }
}
