import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { isDuplicateKey } from '@lien-thong/platform';

export interface IdempotencyRecord {
  _id: string;
  /** Null between the claim and the numbering. */
  dossierCode: string | null;
  requestHash: string;
  createdAt: Date;
}

/**
 * Idempotency-Key → dossier code. The key is claimed (a unique insert: atomic on FerretDB
 * too) before a dossier number is taken, and the number recorded before the dossier is
 * written: two identical requests at once take one number, and a retry after a crash in
 * between finishes the same dossier instead of opening a second one.
 */
@Injectable()
export class IdempotencyRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get records() {
    return this.connection.collection<IdempotencyRecord>('idempotency_keys');
  }

  find(key: string): Promise<IdempotencyRecord | null> {
    return this.records.findOne({ _id: key });
  }

  /** Claims the key; returns the record that already held it, if any (null: it is ours). */
  async claim(key: string, requestHash: string): Promise<IdempotencyRecord | null> {
    try {
      await this.records.insertOne({
        _id: key,
        dossierCode: null,
        requestHash,
        createdAt: new Date(),
      });
      return null;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return this.find(key);
    }
  }

  /** Records the number the claimant took. */
  async assign(key: string, dossierCode: string): Promise<void> {
    await this.records.updateOne({ _id: key }, { $set: { dossierCode } });
  }

  /** Frees a key this request claimed and took no number with (its submission was refused). */
  async release(key: string, requestHash: string): Promise<void> {
    await this.records.deleteOne({ _id: key, dossierCode: null, requestHash });
  }

  /** Frees a key whose claimant died before taking a number (claimed before `olderThan`). */
  async releaseStale(key: string, olderThan: Date): Promise<void> {
    await this.records.deleteOne({ _id: key, dossierCode: null, createdAt: { $lt: olderThan } });
  }
}
