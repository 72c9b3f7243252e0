import { HandledEvent, InboxRepository } from './inbox.repository';

/**
 * The inbox as one partition batch sees it: each event is looked up by its key as it comes
 * (a primary-key look-up; FerretDB answers a look-up of many keys at once with `$in` by
 * scanning the collection), and the events the batch handles are recorded in one write
 * before each offset commit (`save`) instead of one write per message.
 *
 * Between a handler's effect and that write, a crash makes the uncommitted messages of
 * the batch come again with no inbox record: their handlers run again, and each effect is
 * stored at most once by `applyOnce` (the handled event ids kept in the document itself),
 * which is what makes a redelivery harmless at any point. Within the batch a repeated
 * event is recognised before it is recorded.
 */
export class BatchInbox {
  private readonly handled = new Set<string>();
  private pending: HandledEvent[] = [];

  constructor(
    private readonly inbox: InboxRepository,
    private readonly consumer: string,
  ) {}

  async has(eventId: string): Promise<boolean> {
    return this.seen(eventId) || this.inbox.has(this.consumer, eventId);
  }

  /** Handled earlier in this batch (no look-up). */
  seen(eventId: string): boolean {
    return this.handled.has(eventId);
  }

  /**
   * Notes a handled event; `record: false` for an APPLIED_ONCE handler, whose document
   * already remembers the event (applyOnce, or an insert keyed by the event id): its inbox
   * record would be a write that protects nothing.
   */
  add(event: HandledEvent, record = true): void {
    this.handled.add(event.eventId);
    if (record) this.pending.push(event);
  }

  /** Writes the records gathered so far; call it before committing their offsets. */
  async save(): Promise<void> {
    const events = this.pending;
    this.pending = [];
    await this.inbox.record(this.consumer, events);
  }
}
