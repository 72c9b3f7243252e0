import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Logger } from '@nestjs/common';
import { DocumentLease, DocumentLeaseRepository } from './document-lease.repository';

/**
 * How long a lease holds without renewal: a holder that crashed blocks its document this
 * long at most. A live holder renews it every third of it (the relay holds a document's
 * lock while the broker takes its batch, which may take seconds while Kafka restarts).
 */
export const LEASE_MS = 15_000;
/** A holder gives up waiting for a document after this long (the caller fails and retries). */
const WAIT_MS = 4 * LEASE_MS;
/** Near its expiry, a lease is treated as possibly taken over: never extended or deleted blindly. */
const MARGIN_MS = LEASE_MS / 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Held {
  expiresAt: Date;
  renewal: NodeJS.Timeout;
  /** The renewal write in flight, if any: a release waits for it. */
  renewing?: Promise<void>;
}

/**
 * Leases of documents held by one instance (one database connection): a unique-key insert
 * the server guarantees, instead of a conditional update FerretDB does not make atomic.
 * Acquired by inserting `{ _id: key }`; a duplicate key means another instance holds it:
 * wait with a short backoff. An expired lease is taken over only by whoever first inserts
 * the claim of that very generation (owner and expiry), so two contenders never both delete
 * it; released by deleting it. Callers serialise their own use of a key (document-lock).
 */
export class DocumentLeases {
  private readonly logger = new Logger('document-lease');
  private readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly held = new Map<string, Held>();

  constructor(private readonly repo: DocumentLeaseRepository) {}

  /** Waits until this instance holds the lease of `key` (at once if it holds it still). */
  async acquire(key: string): Promise<void> {
    const kept = this.held.get(key);
    if (kept && kept.expiresAt.getTime() - Date.now() > MARGIN_MS) return;
    if (kept) await this.release(key);
    const deadline = Date.now() + WAIT_MS;
    for (let attempt = 0; ; attempt++) {
      const expiresAt = new Date(Date.now() + LEASE_MS);
      if (await this.repo.claim({ _id: key, owner: this.owner, expiresAt })) {
        this.hold(key, expiresAt);
        return;
      }
      const current = await this.repo.find(key);
      if (current && current.expiresAt.getTime() < Date.now()) {
        await this.takeOver(key, current);
        continue;
      }
      if (Date.now() > deadline) throw new Error(`the lease of ${key} was not obtained`);
      // 5 ms doubling to 200 ms, jittered so that contenders do not retry in step.
      await sleep(Math.min(200, 5 * 2 ** attempt) * (0.5 + Math.random()));
    }
  }

  /** True when the lease of `key` is held and may be passed to this process's next waiter. */
  keepable(key: string): boolean {
    const held = this.held.get(key);
    return !!held && held.expiresAt.getTime() - Date.now() > LEASE_MS / 2;
  }

  /** Gives the lease back (a lease past its margin is given back only if nobody took it over). */
  async release(key: string): Promise<void> {
    const held = this.held.get(key);
    if (!held) return;
    this.held.delete(key);
    clearInterval(held.renewal);
    await held.renewing;
    const stale = { _id: key, owner: this.owner, expiresAt: held.expiresAt };
    if (held.expiresAt.getTime() - Date.now() > MARGIN_MS) {
      await this.repo.remove(key, this.owner);
    } else {
      this.logger.warn(`the lease of ${key} was held past its margin`);
      await this.takeOver(key, stale);
    }
  }

  /** Deletes an expired lease, if this instance is the one that claims its generation. */
  private async takeOver(key: string, stale: DocumentLease): Promise<void> {
    const claim = `${key}~${stale.owner}~${stale.expiresAt.getTime()}`;
    const expiresAt = new Date(Date.now() + LEASE_MS);
    if (await this.repo.claim({ _id: claim, owner: this.owner, expiresAt })) {
      await this.repo.remove(key, stale.owner, stale.expiresAt);
    }
  }

  private hold(key: string, expiresAt: Date): void {
    const held: Held = {
      expiresAt,
      renewal: setInterval(() => {
        if (held.renewing || held.expiresAt.getTime() - Date.now() <= MARGIN_MS) return;
        const next = new Date(Date.now() + LEASE_MS);
        held.renewing = this.repo
          .extend(key, this.owner, next)
          .then(() => void (held.expiresAt = next))
          .catch((err: unknown) => this.logger.warn(`renewing ${key}: ${String(err)}`))
          .finally(() => (held.renewing = undefined));
      }, LEASE_MS / 3),
    };
    held.renewal.unref();
    this.held.set(key, held);
  }
}
