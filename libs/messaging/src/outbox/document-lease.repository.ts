import { Connection } from 'mongoose';
import { isDuplicateKey } from '@lien-thong/platform';

/**
 * One lease in `document_leases`: `_id` is the locked document's key, so at most one exists
 * for a document, whoever inserted it. A takeover claim has `_id` `<key>~<owner>~<expiry>`
 * (one per expired lease, see takeOver); it is kept, so that a late contender holding the
 * same stale lease finds it taken.
 */
export interface DocumentLease {
  _id: string;
  owner: string;
  expiresAt: Date;
}

/**
 * The lease documents of one database. Every operation is a single insert or a delete
 * by _id: on FerretDB v1 only the unique _id index is enforced by the server, conditions
 * of an update or a delete are checked in Go on a snapshot and then applied by _id.
 */
export class DocumentLeaseRepository {
  constructor(private readonly db: Connection) {}

  private get leases() {
    return this.db.collection<DocumentLease>('document_leases');
  }

  /** True when this insert created the lease: the caller holds it until it expires. */
  async claim(lease: DocumentLease): Promise<boolean> {
    try {
      await this.leases.insertOne(lease);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  find(key: string): Promise<DocumentLease | null> {
    return this.leases.findOne({ _id: key });
  }

  /** Pushes back the expiry of a lease its owner still holds (nobody else writes it then). */
  async extend(key: string, owner: string, expiresAt: Date): Promise<void> {
    await this.leases.updateOne({ _id: key, owner }, { $set: { expiresAt } });
  }

  /** Removes one generation of a lease: this owner's, with this expiry. */
  async remove(key: string, owner: string, expiresAt?: Date): Promise<void> {
    await this.leases.deleteOne({ _id: key, owner, ...(expiresAt ? { expiresAt } : {}) });
  }
}
