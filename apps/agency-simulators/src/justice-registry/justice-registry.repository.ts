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

  /** Lifts every hold in force on the parcel; answers how many there were. */
  async liftHolds(parcel: ParcelRef): Promise<number> {
    const result = await this.holds.updateMany(
      { parcelKey: parcelKey(parcel), liftedAt: null },
      { $set: { liftedAt: new Date().toISOString() } },
    );
    return result.modifiedCount;
  }
}
