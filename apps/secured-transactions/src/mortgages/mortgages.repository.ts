import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { ParcelRefV1 } from '@lien-thong/contracts';
import { applyOnce } from '@lien-thong/messaging';
import { parcelKey } from '../parcel-checks/parcel-key';
import { LandOfficeMortgage } from './schemas/land-office-mortgage.schema';

@Injectable()
export class MortgagesRepository {
  constructor(
    @InjectModel(LandOfficeMortgage.name) private readonly mortgages: Model<LandOfficeMortgage>,
  ) {}

  /**
   * Records a registration; a release already recorded stays. Sets only the registration's
   * own fields, so a repeat (same or new event id) changes nothing.
   */
  registered(
    eventId: string,
    registration: {
      registrationNumber: string;
      parcel: ParcelRefV1;
      mortgagee: string;
      registeredAt: Date;
      dossierCode: string;
    },
  ): Promise<boolean> {
    const { registrationNumber, parcel, mortgagee, registeredAt, dossierCode } = registration;
    return applyOnce(
      this.mortgages,
      registrationNumber,
      eventId,
      {
        $set: {
          parcel,
          parcelKey: parcelKey(parcel),
          mortgagee,
          registeredAt,
          registeredBy: dossierCode,
        },
      },
      [],
      { upsert: true },
    );
  }

  /** Records a release, before or after its registration. */
  released(
    eventId: string,
    release: {
      registrationNumber: string;
      parcel: ParcelRefV1;
      releasedAt: Date;
      dossierCode: string;
    },
  ): Promise<boolean> {
    const { registrationNumber, parcel, releasedAt, dossierCode } = release;
    return applyOnce(
      this.mortgages,
      registrationNumber,
      eventId,
      {
        $set: { parcel, parcelKey: parcelKey(parcel), releasedAt, releasedBy: dossierCode },
      },
      [],
      { upsert: true },
    );
  }

  /** The mortgages on the parcel registered and not released, oldest registration first. */
  inForce(key: string): Promise<LandOfficeMortgage[]> {
    return this.mortgages
      .find({ parcelKey: key, registeredAt: { $ne: null }, releasedAt: null })
      .sort({ registeredAt: 1 })
      .lean<LandOfficeMortgage[]>();
  }
}
