/** A partition's position to commit: the next offset to read. */
export interface CommitPosition {
  topic: string;
  partition: number;
  next: bigint;
}

interface Pending {
  /** By `topic/partition`: the furthest position committed in this turn. */
  positions: Map<string, CommitPosition>;
  waiters: { resolve: () => void; reject: (err: unknown) => void }[];
}

/**
 * Sends the positions committed in the same turn of the event loop in one `OffsetCommit`
 * request per library consumer. The event server's deferred commits of every partition fall
 * due on the same beat (COMMIT_DELAY_MS), and a request per partition was most of the
 * broker's offset commits (issue 18). A partition committed twice in one turn keeps the
 * furthest position. Each library consumer commits its own partitions: a replaced one's are
 * not sent with the new one's. Every caller of a turn gets that request's outcome. Used by
 * the kafkajs adapter; the platformatic one commits per partition (see there why).
 */
export class CommitsTogether<Client extends object> {
  private readonly pending = new Map<Client, Pending>();

  constructor(
    private readonly send: (client: Client, positions: CommitPosition[]) => Promise<void>,
  ) {}

  commit(client: Client, position: CommitPosition): Promise<void> {
    let pending = this.pending.get(client);
    if (!pending) {
      const created: Pending = { positions: new Map(), waiters: [] };
      this.pending.set(client, created);
      setImmediate(() => {
        this.pending.delete(client);
        this.send(client, [...created.positions.values()]).then(
          () => created.waiters.forEach((w) => w.resolve()),
          (err: unknown) => created.waiters.forEach((w) => w.reject(err)),
        );
      });
      pending = created;
    }
    const key = `${position.topic}/${position.partition}`;
    const known = pending.positions.get(key);
    if (!known || known.next < position.next) pending.positions.set(key, position);
    const waiters = pending.waiters;
    return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
  }
}
