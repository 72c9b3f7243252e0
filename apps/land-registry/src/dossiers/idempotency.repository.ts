import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { isDuplicateKey } from '@lien-thong/platform';

interface IdempotencyRecord {
  _id: string;
  dossierCode: string;
  requestHash: string;
  createdAt: Date;
}

/**
 * Idempotency-Key → dossier code. The key is claimed with the code before the dossier is
 * written, so a retry after a crash in between finishes the same dossier instead of
 * opening a second one.
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

  /** Claims the key for this code; returns the record that already held it, if any. */
  async claim(
    key: string,
    dossierCode: string,
    requestHash: string,
  ): Promise<IdempotencyRecord | null> {
    try {
      await this.records.insertOne({ _id: key, dossierCode, requestHash, createdAt: new Date() });
      return null;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return this.find(key);
    }
  }
}
