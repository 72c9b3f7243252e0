import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection, mongo } from 'mongoose';
import { isDuplicateKey, SecurityEvent, SecurityEventSink } from '@lien-thong/platform';
import {
  AUDIT_COLLECTION,
  AuditEntry,
  AuditRecord,
  ChainTail,
  ChainVerification,
  StoredAuditRecord,
} from './audit-record';
import { ChainVerifier, fromStored, PreparedEntry, prepareEntry, sealRecord } from './chain';

/** How often one append retries when other instances keep taking the next number. */
const MAX_ATTEMPTS = 100;

/** Records written together at most (one insert command). */
const MAX_GROUP = 100;

/**
 * Security events waiting to be written at most: beyond that (a flood of bad tokens) they
 * are counted, not queued, and one AUDIT.SECURITY_EVENTS_DROPPED record says how many.
 */
export const MAX_PENDING_SECURITY_EVENTS = 1000;

const SECURITY_ACTIONS: Record<SecurityEvent['kind'], string> = {
  TOKEN_REJECTED: 'AUTH.TOKEN_REJECTED',
  FORBIDDEN: 'AUTH.FORBIDDEN',
  WEBHOOK_REJECTED: 'WEBHOOK.REJECTED',
};

interface Job {
  entry: PreparedEntry;
  at: Date;
  resolve(record: AuditRecord): void;
  reject(err: unknown): void;
}

export interface AuditQuery {
  dossierCode?: string;
  /** The first sequence number to return. */
  from?: number;
  limit?: number;
}

/**
 * The service's audit log: an append-only, hash-chained collection in its own database.
 *
 * Appends are serialized in this process (one worker drains a queue) and arbitrated
 * between processes by the unique _id (= sequence number): read the chain's end, insert
 * the next number; when another instance took it first (duplicate key), read the end
 * again and retry. FerretDB has neither multi-document transactions nor an atomic
 * conditional update under concurrency, but an insert with a unique _id is atomic.
 */
@Injectable()
export class AuditLog implements SecurityEventSink, OnModuleInit, BeforeApplicationShutdown {
  private readonly log = new Logger('audit');
  private readonly records: mongo.Collection<StoredAuditRecord>;
  /** record() calls: written before queued security events. */
  private readonly urgent: Job[] = [];
  private readonly background: Job[] = [];
  /** Whether a worker is draining the queues (set and cleared synchronously with the check). */
  private running = false;
  private draining: Promise<void> = Promise.resolve();
  /** The chain's end as this process last wrote or read it (stale when another instance appended). */
  private tail?: ChainTail | null;
  /** The last sequence number this process saw stored: where lastSeq() starts looking. */
  private knownSeq = 0;
  private droppedSecurityEvents = 0;

  constructor(@InjectConnection() connection: Connection) {
    if (!connection.db) throw new Error('the audit log needs an open database connection');
    this.records = connection.db.collection<StoredAuditRecord>(AUDIT_COLLECTION);
  }

  async onModuleInit(): Promise<void> {
    await this.records.createIndex({ dossierCode: 1, _id: 1 }).catch((err: unknown) => {
      this.log.warn(`could not create the audit log's dossier index: ${String(err)}`);
    });
  }

  /** Lets what is queued reach the database before the connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.race([this.flush(), new Promise((r) => setTimeout(r, 5000).unref())]);
  }

  /**
   * Appends one record and resolves with it once it is stored (seq and hash included).
   * Throws at once for an action that is not a code like 'DOSSIER.REFUSED'.
   */
  record(entry: AuditEntry): Promise<AuditRecord> {
    const prepared = prepareEntry(entry);
    return this.enqueue(prepared, this.urgent);
  }

  /**
   * The guard's rejections (bad or missing token, wrong role, unsigned webhook). Returns at
   * once: the record is written in the background, so a flood of bad tokens never slows
   * the guard; a failure to write is logged.
   */
  securityEvent(event: SecurityEvent): Promise<void> {
    if (this.background.length >= MAX_PENDING_SECURITY_EVENTS) {
      this.droppedSecurityEvents++;
      return Promise.resolve();
    }
    try {
      const prepared = prepareEntry({
        actor: event.actor,
        action: SECURITY_ACTIONS[event.kind],
        ip: event.ip,
        details: { reason: event.reason.slice(0, 500), method: event.method, path: event.path },
      });
      this.enqueue(prepared, this.background).catch((err: unknown) =>
        this.log.error(
          `could not record ${event.kind} ${event.method} ${event.path}: ${String(err)}`,
        ),
      );
    } catch (err) {
      this.log.error(`could not record ${event.kind}: ${String(err)}`);
    }
    return Promise.resolve();
  }

  /** Resolves when everything queued so far is written (or has failed). */
  async flush(): Promise<void> {
    while (this.running) await this.draining;
  }

  /** Records in sequence order, optionally of one dossier, from a sequence number on. */
  async list(query: AuditQuery = {}): Promise<AuditRecord[]> {
    const docs = await this.records
      .find({
        ...(query.dossierCode ? { dossierCode: query.dossierCode } : {}),
        ...(query.from ? { _id: { $gte: query.from } } : {}),
      })
      .sort({ _id: 1 })
      .limit(query.limit ?? 100)
      .toArray();
    return docs.map((doc) => fromStored(doc as StoredAuditRecord));
  }

  /**
   * Reads the whole chain in order and checks every link: the first record whose hash,
   * previous hash or sequence number is wrong is named. Records appended while it runs are
   * left for the next check (it stops at the end it saw first).
   */
  async verifyChain(): Promise<ChainVerification> {
    // The largest _id (a full read on FerretDB, as is the check itself): probing for the end
    // would stop at a record someone deleted, and the check must see such a gap.
    const last = await this.records.findOne({}, { sort: { _id: -1 }, projection: { _id: 1 } });
    const end: unknown = last?._id;
    const verifier = new ChainVerifier();
    const cursor = this.records.find({}).sort({ _id: 1 }).batchSize(500);
    try {
      for await (const doc of cursor) {
        // A record with a numeric _id beyond the end seen first was appended meanwhile.
        if (typeof end === 'number' && typeof doc._id === 'number' && doc._id > end) break;
        if (!verifier.push(doc)) break;
      }
    } finally {
      await cursor.close();
    }
    return verifier.result();
  }

  private enqueue(entry: PreparedEntry, queue: Job[]): Promise<AuditRecord> {
    const at = new Date();
    const done = new Promise<AuditRecord>((resolve, reject) =>
      queue.push({ entry, at, resolve, reject }),
    );
    if (!this.running) {
      this.running = true;
      this.draining = this.drain();
    }
    return done;
  }

  private async drain(): Promise<void> {
    for (;;) {
      // Everything queued while the previous write was under way goes out in one write.
      const jobs = [...this.urgent.splice(0, MAX_GROUP)];
      jobs.push(...this.background.splice(0, MAX_GROUP - jobs.length));
      if (jobs.length === 0) {
        if (this.droppedSecurityEvents === 0) {
          // No await between the empty check and this: a job queued later starts a new worker.
          this.running = false;
          return;
        }
        const count = this.droppedSecurityEvents;
        this.droppedSecurityEvents = 0;
        this.log.warn(`${count} security events were not recorded (too many at once)`);
        const dropped = prepareEntry({
          action: 'AUDIT.SECURITY_EVENTS_DROPPED',
          details: { count },
        });
        await this.append([{ entry: dropped, at: new Date() }]).catch((err: unknown) =>
          this.log.error(`could not record dropped events: ${String(err)}`),
        );
        continue;
      }
      try {
        const records = await this.append(jobs);
        jobs.forEach((job, i) => job.resolve(records[i]));
      } catch (err) {
        for (const job of jobs) job.reject(err);
      }
    }
  }

  /**
   * Appends the entries in order, as consecutive records, in as few inserts as it can: one
   * for all of them unless another instance takes a number first, in which case the entries
   * that landed are kept, the end is read again and the rest go on from it. (Group commit:
   * an officer's step and each read of personal data are audited, eight records per dossier,
   * one insert each before.)
   */
  private async append(jobs: { entry: PreparedEntry; at: Date }[]): Promise<AuditRecord[]> {
    const written: AuditRecord[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (this.tail === undefined) this.tail = await this.readTail();
      const docs: StoredAuditRecord[] = [];
      for (const job of jobs.slice(written.length)) {
        const previous = docs[docs.length - 1];
        const tail = previous ? { seq: previous._id, hash: previous.hash } : this.tail;
        docs.push(sealRecord(job.entry, job.at, tail));
      }
      try {
        await this.records.insertMany(docs, { ordered: true });
        const last = docs[docs.length - 1];
        this.tail = { seq: last._id, hash: last.hash };
        this.knownSeq = last._id;
        return [...written, ...docs.map(fromStored)];
      } catch (err) {
        // Whatever happened, the end is no longer known (a timed-out insert may have landed).
        this.tail = undefined;
        // The records of this batch that landed before the failure are appended for good:
        // as many as the server says (an ordered insert stops at the first failure), or,
        // without an answer (a timeout), those found stored as sealed here.
        const landed = (err as { insertedCount?: unknown }).insertedCount;
        if (typeof landed === 'number') written.push(...docs.slice(0, landed).map(fromStored));
        else
          for (const doc of docs) {
            const stored = await this.records.findOne(
              { _id: doc._id },
              { projection: { hash: 1 } },
            );
            if (stored?.hash !== doc.hash) break;
            written.push(fromStored(doc));
          }
        if (written.length === jobs.length) return written;
        if (!isDuplicateKey(err)) throw err;
        // Another instance appended first: read the end again (after a moment, if it keeps winning).
        if (attempt > 3) await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
      }
    }
    throw new Error(`could not append to the audit log in ${MAX_ATTEMPTS} attempts`);
  }

  private async readTail(): Promise<ChainTail | null> {
    const end = await this.lastSeq();
    if (end === 0) return null;
    const last = await this.records.findOne({ _id: end }, { projection: { _id: 1, hash: 1 } });
    if (!last || typeof (last.hash as unknown) !== 'string')
      throw new Error(`the audit log's last record is malformed (_id ${end}): verify the chain`);
    return { seq: last._id, hash: last.hash };
  }

  /**
   * The chain's last sequence number, found by looking up numbers (_id = seq, consecutive
   * from 1): doubling from the last one this process knew until one is missing, then halving
   * the gap. About 2·log2(n) primary-key look-ups. Asking for the largest _id instead made
   * FerretDB 1.x read and sort the whole collection: with 200,000 dossiers of history (1.8
   * million records) one such read took over five minutes (found by `npm run bench --
   * --history 200000`), and it is asked after every append another instance got in first.
   */
  private async lastSeq(): Promise<number> {
    const exists = async (seq: number) =>
      (await this.records.findOne({ _id: seq }, { projection: { _id: 1 } })) !== null;
    let low = this.knownSeq; // exists (or 0)
    if (low > 0 && !(await exists(low))) low = 0; // the collection was emptied meanwhile
    let step = 1;
    while (await exists(low + step)) {
      low += step;
      step *= 2;
    }
    let high = low + step; // missing
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (await exists(mid)) low = mid;
      else high = mid;
    }
    this.knownSeq = low;
    return low;
  }
}
