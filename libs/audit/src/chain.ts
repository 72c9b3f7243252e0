import { Actor, maskPersonalData, maskPersonalText } from '@lien-thong/platform';
import { canonicalJson, sha256Hex } from './canonical';
import {
  ACTION_PATTERN,
  AUDIT_FORMAT,
  AuditActor,
  AuditEntry,
  AuditRecord,
  BrokenRecord,
  ChainTail,
  ChainVerification,
  GENESIS_HASH,
  StoredAuditRecord,
} from './audit-record';

/** Largest serialized `details` accepted (a record is a fact, not a document store). */
export const MAX_DETAILS_CHARS = 8_000;

const CITIZEN_ID = /^\d{12}$/;

/**
 * The actor as recorded: subject, username, name, roles and unit. A citizen's ID number
 * (the citizen_id claim, and a username that is one) is not written into the log: the
 * subject already identifies the person to whoever can ask the identity provider.
 */
export function auditActor(actor: Actor): AuditActor {
  const username =
    CITIZEN_ID.test(actor.username) || actor.username === actor.citizenId
      ? maskPersonalText(actor.username)
      : actor.username;
  return {
    subject: actor.subject,
    username,
    fullName: actor.fullName,
    roles: [...actor.roles],
    ...(actor.unit ? { unit: actor.unit } : {}),
  };
}

/**
 * Plain JSON copy of `details` with citizen IDs, phone numbers and e-mail addresses masked
 * wherever they appear in its text (the platform's one masking of personal data).
 */
export function sanitizeDetails(details: Record<string, unknown>): Record<string, unknown> {
  const json = JSON.stringify(
    maskPersonalData(JSON.parse(JSON.stringify(details)) as Record<string, unknown>),
  );
  if (json.length > MAX_DETAILS_CHARS)
    throw new RangeError(
      `audit details are ${json.length} characters (at most ${MAX_DETAILS_CHARS})`,
    );
  return JSON.parse(json) as Record<string, unknown>;
}

/** The record's fields before it is given a place in the chain (validated, normalized). */
export type PreparedEntry = Pick<
  AuditRecord,
  'actor' | 'action' | 'dossierCode' | 'ip' | 'details'
>;

/** Checks and normalizes what a caller asks to record; throws on a programming error. */
export function prepareEntry(entry: AuditEntry): PreparedEntry {
  if (!ACTION_PATTERN.test(entry.action))
    throw new TypeError(`audit action "${entry.action}" is not a code like DOSSIER.REFUSED`);
  const text = (value: string | undefined, what: string) => {
    if (value === undefined || value === '') return null;
    if (value.length > 200) throw new RangeError(`audit ${what} is longer than 200 characters`);
    return value;
  };
  return {
    actor: entry.actor ? auditActor(entry.actor) : null,
    action: entry.action,
    dossierCode: text(entry.dossierCode, 'dossierCode'),
    ip: text(entry.ip, 'ip'),
    details: entry.details ? sanitizeDetails(entry.details) : null,
  };
}

/**
 * The hash of a stored record: SHA-256 over the canonical serialization of every field it
 * holds except `hash` itself, with `_id` named `seq`. A field added to a stored record
 * changes it as surely as a field edited.
 */
export function hashOf(doc: Record<string, unknown>): string {
  const { hash: _hash, _id, ...rest } = doc;
  return sha256Hex(canonicalJson({ ...rest, seq: _id }));
}

/** The document to insert after `tail` (null: the chain is empty). */
export function sealRecord(
  entry: PreparedEntry,
  at: Date,
  tail: ChainTail | null,
): StoredAuditRecord {
  const unsealed = {
    _id: (tail?.seq ?? 0) + 1,
    v: AUDIT_FORMAT,
    at,
    ...entry,
    prevHash: tail?.hash ?? GENESIS_HASH,
  };
  return { ...unsealed, hash: hashOf(unsealed) };
}

/** The stored document as the log hands it out (seq instead of _id, fields in a fixed order). */
export function fromStored(doc: StoredAuditRecord): AuditRecord {
  return {
    seq: doc._id,
    v: doc.v,
    at: doc.at,
    actor: doc.actor,
    action: doc.action,
    dossierCode: doc.dossierCode,
    ip: doc.ip,
    details: doc.details,
    prevHash: doc.prevHash,
    hash: doc.hash,
  };
}

/**
 * Checks stored records one at a time, in sequence order, from the first: each must be
 * the next number, name the previous record's hash, and hash to what it says. Stops at
 * the first that does not.
 */
export class ChainVerifier {
  private checked = 0;
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private broken?: BrokenRecord;

  /** Feeds the next stored document; false once the chain is broken (stop reading). */
  push(doc: Record<string, unknown>): boolean {
    if (this.broken) return false;
    this.broken = this.check(doc);
    if (this.broken) return false;
    this.checked++;
    this.expectedSeq++;
    this.prevHash = doc['hash'] as string;
    return true;
  }

  result(): ChainVerification {
    return this.broken
      ? { ok: false, records: this.checked, firstBroken: this.broken }
      : { ok: true, records: this.checked, lastHash: this.prevHash };
  }

  private check(doc: Record<string, unknown>): BrokenRecord | undefined {
    const seq = doc['_id'];
    if (typeof seq !== 'number' || !Number.isInteger(seq))
      return {
        seq: this.expectedSeq,
        reason: 'MALFORMED',
        message: `the record after ${this.expectedSeq - 1} has no sequence number (_id ${String(seq)})`,
      };
    if (seq !== this.expectedSeq)
      return {
        seq: this.expectedSeq,
        reason: 'SEQUENCE_GAP',
        message: `record ${this.expectedSeq} is missing (the next stored record is ${seq})`,
      };
    let actual: string;
    try {
      actual = hashOf(doc);
    } catch (err) {
      return {
        seq,
        reason: 'MALFORMED',
        message: `record ${seq} cannot be serialized: ${String(err)}`,
      };
    }
    if (doc['hash'] !== actual)
      return {
        seq,
        reason: 'HASH_MISMATCH',
        message: `record ${seq} was changed after it was written (its content does not hash to its stored hash)`,
      };
    if (doc['prevHash'] !== this.prevHash)
      return {
        seq,
        reason: 'PREV_HASH_MISMATCH',
        message:
          seq === 1
            ? 'record 1 does not start the chain (its prevHash is not the genesis hash)'
            : `record ${seq} does not follow record ${seq - 1} (its prevHash is not that record's hash): one of them was replaced`,
      };
    return undefined;
  }
}

/** Verifies a whole sequence of stored documents (sorted by _id). */
export function verifyRecords(docs: Iterable<Record<string, unknown>>): ChainVerification {
  const verifier = new ChainVerifier();
  for (const doc of docs) if (!verifier.push(doc)) break;
  return verifier.result();
}
