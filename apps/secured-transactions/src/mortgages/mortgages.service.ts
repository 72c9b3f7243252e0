import { Injectable } from '@nestjs/common';
import type {
  EventEnvelope,
  MortgageRegisteredV1,
  MortgageReleasedV1,
  MortgageV1,
} from '@lien-thong/contracts';
import { vietnamDateOf } from '@lien-thong/calendar';
import { MortgagesRepository } from './mortgages.repository';

/**
 * The mortgages of land-use rights the land office registers and deregisters itself
 * (Decree 99/2022), kept so that parcel checks show them next to the registry's.
 */
@Injectable()
export class MortgagesService {
  constructor(private readonly mortgages: MortgagesRepository) {}

  async registered(event: EventEnvelope<MortgageRegisteredV1>): Promise<void> {
    const { registrationNumber, parcel, mortgagee, registeredAt, dossierCode } = event.payload;
    await this.mortgages.registered(event.eventId, {
      registrationNumber,
      parcel,
      mortgagee,
      registeredAt: new Date(registeredAt),
      dossierCode,
    });
  }

  async released(event: EventEnvelope<MortgageReleasedV1>): Promise<void> {
    const { registrationNumber, parcel, releasedAt, dossierCode } = event.payload;
    await this.mortgages.released(event.eventId, {
      registrationNumber,
      parcel,
      releasedAt: new Date(releasedAt),
      dossierCode,
    });
  }

  /**
   * The mortgage a check names: of those in force, the first registered, which ranks first
   * among the secured parties (Civil Code 2015, art. 308: priority by order of registration).
   * Read at the time of each answer, so that no reused registry answer hides a mortgage
   * registered or released since.
   */
  async inForceOn(parcelKey: string): Promise<MortgageV1 | null> {
    const [first] = await this.mortgages.inForce(parcelKey);
    if (!first?.registeredAt || !first.mortgagee) return null;
    return {
      mortgagee: first.mortgagee,
      registrationNumber: first._id,
      registeredOn: vietnamDateOf(first.registeredAt),
    };
  }
}
