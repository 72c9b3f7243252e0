import { Logger } from '@nestjs/common';
import { Connection, Model } from 'mongoose';
import { DocumentLeaseRepository } from './document-lease.repository';
import { DocumentLeases } from './document-leases';

/**
 * How a read-modify-write of one document is kept alone (DOCUMENT_LOCK, see deploy/README.md):
 * - `process`: waiters of this process queue for the document; no database traffic. Enough
 *   for one instance of a service, which is how this project runs on FerretDB by default.
 * - `lease`: the same queue, and its head holds a lease document claimed by a unique-key
 *   insert (document-leases.ts): two writes per lock, needed for two or more instances on
 *   FerretDB, which checks a conditional update in Go on a snapshot and writes without
 *   re-checking (measured: 20 concurrent $inc on one document left it at 14; a conditional
 *   update had 4 winners out of 10; two instances lost outbox appends, see
 *   document-lock.int-spec.ts).
 * - `none`: nothing. On MongoDB each single-document conditional update is atomic, across
 *   instances too, so the conditions the callers write are the whole guard.
 */
export const DOCUMENT_LOCK_MODES = ['process', 'lease', 'none'] as const;
export type DocumentLockMode = (typeof DOCUMENT_LOCK_MODES)[number];

let defaultMode: DocumentLockMode = 'process';

/** Set once at boot from the configuration (MessagingModule). */
export function configureDocumentLock(mode: DocumentLockMode): void {
  defaultMode = mode;
}

/** The locks of one database connection: one per instance of a service. */
class DocumentLocks {
  private readonly logger = new Logger('document-lock');
  private readonly chains = new Map<string, Promise<void>>();
  private readonly leases?: DocumentLeases;

  constructor(
    db: Connection,
    readonly mode: DocumentLockMode,
  ) {
    if (mode === 'lease') this.leases = new DocumentLeases(new DocumentLeaseRepository(db));
  }

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    if (this.mode === 'none') return fn();
    const previous = this.chains.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = previous.then(() => new Promise<void>((resolve) => (release = resolve)));
    this.chains.set(key, mine);
    await previous;
    try {
      await this.leases?.acquire(key);
      return await fn();
    } finally {
      if (this.leases) await this.handOver(this.leases, key, mine);
      release();
      if (this.chains.get(key) === mine) this.chains.delete(key);
    }
  }

  /**
   * Keeps the lease for this process's next waiter of the document, if one is queued
   * (after one turn of the event loop, the time a write takes to hand its document to the
   * relay); gives it back otherwise. A failed release leaves the lease to expire.
   */
  private async handOver(leases: DocumentLeases, key: string, mine: Promise<void>) {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.chains.get(key) !== mine && leases.keepable(key)) return;
    await leases
      .release(key)
      .catch((err: unknown) =>
        this.logger.warn(`releasing the lease of ${key} failed: ${String(err)}`),
      );
  }
}

const locks = new WeakMap<Connection, DocumentLocks>();

/** Gives a connection its own mode (tests: two connections stand for two instances). */
export function useDocumentLock(db: Connection, mode: DocumentLockMode): void {
  locks.set(db, new DocumentLocks(db, mode));
}

/**
 * Runs fn alone for this document among the callers `DOCUMENT_LOCK` covers (above): every
 * read-modify-write of a document that also carries an outbox goes through it, and so does
 * the relay while it publishes and marks a document's entries, and so do the counters.
 * `db` is the connection of the document's database (its model's `db`), where a lease is
 * kept. Never nest it for one key.
 */
export function withDocumentLock<T>(db: Connection, key: string, fn: () => Promise<T>): Promise<T> {
  let mine = locks.get(db);
  if (!mine) locks.set(db, (mine = new DocumentLocks(db, defaultMode)));
  return mine.run(key, fn);
}

/**
 * Runs fn holding the locks of several documents of one database, taken in one order
 * everywhere (sorted keys), so that two callers locking overlapping documents never wait
 * for each other (with leases, across instances too). For a write that changes several
 * documents in one command (see MAX_STATEMENTS_PER_COMMAND).
 */
export function withDocumentLocks<T>(
  db: Connection,
  keys: string[],
  fn: () => Promise<T>,
): Promise<T> {
  const sorted = [...new Set(keys)].sort();
  const lockFrom = (i: number): Promise<T> =>
    i === sorted.length ? fn() : withDocumentLock(db, sorted[i], () => lockFrom(i + 1));
  return lockFrom(0);
}

/**
 * Documents one update or insert command changes at most. FerretDB 1.x on PostgreSQL holds
 * a connection for each statement of an update command until the command ends: a command of
 * more statements than its pool has connections never finished and held the whole database
 * still (found by the benchmark), so commands stay far below the pool (250).
 */
export const MAX_STATEMENTS_PER_COMMAND = 10;

/** `collection:id`, the key of a document's lock. */
export function documentKey(model: Pick<Model<unknown>, 'collection'>, id: unknown): string {
  return `${model.collection.name}:${String(id)}`;
}
