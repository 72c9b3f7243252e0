import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { ParcelRef } from '@lien-thong/agency-contracts';
import { isDuplicateKey } from '@lien-thong/platform';
import { parcelKey, SeededHold } from './justice-seed';
import { JusticeHold } from './schemas/justice-hold.schema';

function holdId(parcel: ParcelRef, documentNumber: string): string {
  return `${parcelKey(parcel)}|${documentNumber}`;
}

@Injectable()
export class JusticeRegistryRepository {
  constructor(@InjectModel(JusticeHold.name) private readonly holds: Model<JusticeHold>) {}

  /** Inserts a hold unless this parcel already has one with this document number. */
  async insertHold(parcel: ParcelRef, hold: SeededHold): Promise<boolean> {
    try {
      await this.holds.create({
        _id: holdId(parcel, hold.documentNumber),
        parcelKey: parcelKey(parcel),
        parcel: { ...parcel },
        ...hold,
        liftedAt: null,
      });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  findHold(parcel: ParcelRef, documentNumber: string): Promise<JusticeHold | null> {
    return this.holds.findById(holdId(parcel, documentNumber)).lean<JusticeHold>().exec();
  }

  /** Holds in force on the parcel, oldest first. */
  activeHolds(parcel: ParcelRef): Promise<JusticeHold[]> {
    return this.holds
      .find({ parcelKey: parcelKey(parcel), liftedAt: null })
      .sort({ placedAt: 1, _id: 1 })
      .lean<JusticeHold[]>()
      .exec();
  }

  /** Lifts every hold in force on the parcel at `liftedAt`; answers the holds it lifted. */
  async liftHolds(parcel: ParcelRef, liftedAt: string): Promise<JusticeHold[]> {
    const lifted = await this.activeHolds(parcel);
    if (lifted.length === 0) return [];
    await this.holds.updateMany(
      { _id: { $in: lifted.map((hold) => hold._id) }, liftedAt: null },
      { $set: { liftedAt } },
    );
    return lifted.map((hold) => ({ ...hold, liftedAt }));
  }
}
