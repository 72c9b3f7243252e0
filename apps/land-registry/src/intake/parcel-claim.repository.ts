import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { isDuplicateKey } from '@lien-thong/platform';

export interface ParcelClaim {
  /** `<procedure>:<commune>/<sheet>/<parcel>#<generation>` (see ParcelClaims). */
  _id: string;
  /** Null between the claim and the numbering. */
  dossierCode: string | null;
  /** The Idempotency-Key of the request that claimed it: its retry may finish the claim. */
  idempotencyKey: string | null;
  claimedAt: Date;
  /** Given up by its request before the dossier was written. */
  released?: boolean;
}

/**
 * Claims of a parcel by a dossier, one document per claim. A claim is taken with a unique
 * insert, the one write FerretDB makes atomic under concurrency: of two requests for the
 * same claim, exactly one inserts it and the other finds it taken.
 */
@Injectable()
export class ParcelClaimRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get claims() {
    return this.connection.collection<ParcelClaim>('parcel_claims');
  }

  find(id: string): Promise<ParcelClaim | null> {
    return this.claims.findOne({ _id: id });
  }

  /** Inserts the claim; returns the claim that already held the id, if any (null: it is ours). */
  async insert(claim: ParcelClaim): Promise<ParcelClaim | null> {
    try {
      await this.claims.insertOne(claim);
      return null;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return this.find(claim._id);
    }
  }

  /** Records the dossier number the claimant took. */
  async assign(id: string, dossierCode: string): Promise<void> {
    await this.claims.updateOne({ _id: id }, { $set: { dossierCode } });
  }

  /**
   * Gives up a claim whose request failed before its dossier was written. The claim is
   * marked, never deleted: a gap in a parcel's chain would let a later request claim an
   * earlier generation than the live one.
   */
  async release(id: string, claimedAt: Date): Promise<void> {
    await this.claims.updateOne({ _id: id, claimedAt }, { $set: { released: true } });
  }
}
