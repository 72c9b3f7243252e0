import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { ParcelRefV1 } from '@lien-thong/contracts';
import { applyOnce, documentKey, withDocumentLock } from '@lien-thong/messaging';
import { isDuplicateKey } from '@lien-thong/platform';
import {
  Certificate,
  Owner,
  OwnershipPeriod,
  Parcel,
  ParcelEncumbrance,
  parcelKey,
} from './schemas/parcel.schema';

const SEED_CHUNK = 50;

@Injectable()
export class ParcelsRepository {
  constructor(@InjectModel(Parcel.name) private readonly parcels: Model<Parcel>) {}

  find(ref: ParcelRefV1): Promise<Parcel | null> {
    return this.parcels.findById(parcelKey(ref)).lean<Parcel>();
  }

  /** Inserts the parcels that are not there yet; never overwrites the cadastral book. */
  async seed(parcels: Omit<Parcel, 'handledEvents' | 'ownerHistory'>[]): Promise<number> {
    let added = 0;
    // In chunks: FerretDB stops answering a bulk upsert of about a hundred parcels that all
    // exist already (found by the chaos run: with SEED_BULK_PARCELS=300 a restarted
    // land-registry never finished starting); fifty at a time is answered.
    for (let i = 0; i < parcels.length; i += SEED_CHUNK) {
      const chunk = parcels.slice(i, i + SEED_CHUNK);
      added += await this.upsert(chunk);
    }
    return added;
  }

  /**
   * Two instances starting together upsert the same parcels: the loser's duplicate keys mean
   * those are there, and another pass (after a pause, so as not to go in step) inserts
   * whatever is still missing.
   */
  private async upsert(parcels: Omit<Parcel, 'handledEvents' | 'ownerHistory'>[]) {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.parcels.bulkWrite(
          parcels.map((p) => ({
            updateOne: { filter: { _id: p._id }, update: { $setOnInsert: p }, upsert: true },
          })),
          { ordered: false },
        );
        return result.upsertedCount;
      } catch (err) {
        // The driver's bulk error carries the code on each write error (isDuplicateKey), its
        // message names it too.
        const duplicate = isDuplicateKey(err) || String(err).includes('E11000');
        if (!duplicate || attempt >= 10) throw err;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
      }
    }
  }

  /** Records the new owners and certificate of a registered transfer, and the old ones in the history, once. */
  changeOwners(
    ref: ParcelRefV1,
    eventId: string,
    owners: Owner[],
    certificate: Certificate,
    previous: OwnershipPeriod,
  ): Promise<boolean> {
    return applyOnce(this.parcels, parcelKey(ref), eventId, {
      $set: { owners, certificate },
      $push: { ownerHistory: previous },
    });
  }

  /** Applies one registration other than a change of owners (once per registration id). */
  recordChange(
    ref: ParcelRefV1,
    eventId: string,
    change: { set?: Partial<Parcel>; push?: Partial<Record<'mortgages' | 'houses', unknown>> },
  ): Promise<boolean> {
    return applyOnce(this.parcels, parcelKey(ref), eventId, {
      ...(change.set ? { $set: change.set } : {}),
      ...(change.push ? { $push: change.push } : {}),
    });
  }

  /** What the last check of the registry said about the parcel (kept for agency look-ups). */
  async noteEncumbrance(ref: ParcelRefV1, encumbrance: ParcelEncumbrance): Promise<void> {
    // Only a newer answer replaces an older one (answers may arrive out of order); under
    // the parcel's lock, as its changes of owners, for that check to hold on FerretDB.
    const id = parcelKey(ref);
    await withDocumentLock(this.parcels.db, documentKey(this.parcels, id), () =>
      this.parcels.updateOne(
        {
          _id: id,
          $or: [
            { encumbrance: null },
            { encumbrance: { $exists: false } },
            { 'encumbrance.asOf': { $lt: encumbrance.asOf } },
          ],
        },
        { $set: { encumbrance } },
      ),
    );
  }
}
