import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { ParcelRefV1 } from '@lien-thong/contracts';
import { applyOnce } from '@lien-thong/messaging';
import { Certificate, Owner, Parcel, parcelKey } from './schemas/parcel.schema';

@Injectable()
export class ParcelsRepository {
  constructor(@InjectModel(Parcel.name) private readonly parcels: Model<Parcel>) {}

  find(ref: ParcelRefV1): Promise<Parcel | null> {
    return this.parcels.findById(parcelKey(ref)).lean<Parcel>();
  }

  /** Inserts the parcels that are not there yet; never overwrites the cadastral book. */
  async seed(parcels: Omit<Parcel, 'handledEvents'>[]): Promise<number> {
    if (parcels.length === 0) return 0;
    const result = await this.parcels.bulkWrite(
      parcels.map((p) => ({
        updateOne: { filter: { _id: p._id }, update: { $setOnInsert: p }, upsert: true },
      })),
      { ordered: false },
    );
    return result.upsertedCount;
  }

  /** Records the new owners and certificate of a registered transfer, once. */
  changeOwners(
    ref: ParcelRefV1,
    eventId: string,
    owners: Owner[],
    certificate: Certificate,
  ): Promise<boolean> {
    return applyOnce(this.parcels, parcelKey(ref), eventId, { $set: { owners, certificate } });
  }
}
