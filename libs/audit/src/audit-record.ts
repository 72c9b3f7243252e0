import type { Actor } from '@lien-thong/platform';

/** The collection every service keeps its audit log in (in its own database). */
export const AUDIT_COLLECTION = 'audit_log';

/** What the first record names as the hash before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** Version of the record layout and of its canonical serialization (part of the hash). */
export const AUDIT_FORMAT = 1;

/**
 * Actions are stable English codes, a namespace and a verb: DOSSIER.REFUSED, DOSSIER.READ,
 * DEAD_LETTER.REPLAYED, AUTH.TOKEN_REJECTED.
 */
export const ACTION_PATTERN = /^[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*)+$/;

/** Who did it, as the verified token said: never a citizen's ID number or phone. */
export interface AuditActor {
  /** The identity provider's stable subject id. */
  subject: string;
  username: string;
  fullName: string;
  roles: string[];
  unit?: string;
}

/** What a caller asks to record (AuditLog.record). */
export interface AuditEntry {
  /** The authenticated person (from @CurrentActor()); absent for an anonymous caller. */
  actor?: Actor;
  /** A stable English code: 'DOSSIER.REFUSED', 'DOSSIER.READ', 'DEAD_LETTER.REPLAYED'… */
  action: string;
  dossierCode?: string;
  /** Where the request came from (the client address the service saw). */
  ip?: string;
  /**
   * Further facts as plain JSON (a reason, a dead letter's id, a route). Strings that
   * look like a citizen ID or a phone number are masked before they are stored.
   */
  details?: Record<string, unknown>;
}

/** One record of the chain, as the log hands it out. */
export interface AuditRecord {
  /** 1, 2, 3… without gaps; the stored document's _id. */
  seq: number;
  v: number;
  at: Date;
  actor: AuditActor | null;
  action: string;
  dossierCode: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
  /** The hash of record seq - 1 (GENESIS_HASH for the first). */
  prevHash: string;
  /** SHA-256 (hex) of the canonical serialization of every other field. */
  hash: string;
}

/** The stored document: seq is the unique _id, which arbitrates concurrent appends. */
export type StoredAuditRecord = Omit<AuditRecord, 'seq'> & { _id: number };

/** What an append needs to know of the chain's end. */
export interface ChainTail {
  seq: number;
  hash: string;
}

export type BreakReason = 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH' | 'SEQUENCE_GAP' | 'MALFORMED';

export interface BrokenRecord {
  /** The first record that fails (for a gap: the first missing sequence number). */
  seq: number;
  reason: BreakReason;
  /** What is wrong, in English, for the operator who reads the CLI's output. */
  message: string;
}

export type ChainVerification =
  | {
      ok: true;
      /** How many records were checked (the whole chain up to its end when asked). */
      records: number;
      /** The last record's hash (GENESIS_HASH for an empty log): note it to detect truncation later. */
      lastHash: string;
    }
  | { ok: false; records: number; firstBroken: BrokenRecord };
