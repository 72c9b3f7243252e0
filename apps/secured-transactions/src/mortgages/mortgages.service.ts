import { Injectable } from '@nestjs/common';
import type {
  EventEnvelope,
  MortgageRegisteredV1,
  MortgageReleasedV1,
  MortgageV1,
} from '@lien-thong/contracts';
import { vietnamDateOf } from '@lien-thong/calendar';
import { parcelKey } from '../parcel-checks/parcel-key';
import { ParcelLinksRepository } from '../parcels/parcel-links.repository';
import { MortgagesRepository } from './mortgages.repository';

/**
 * The mortgages of land-use rights the land office registers and deregisters itself
 * (Decree 99/2022), kept so that parcel checks show them next to the registry's.
 */
@Injectable()
export class MortgagesService {
  constructor(
    private readonly mortgages: MortgagesRepository,
    private readonly links: ParcelLinksRepository,
  ) {}

  async registered(event: EventEnvelope<MortgageRegisteredV1>): Promise<void> {
    const { registrationNumber, parcel, mortgagee, registeredAt, dossierCode } = event.payload;
    await this.links.link(parcelKey(parcel), 'MORTGAGE', registrationNumber);
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
    await this.links.link(parcelKey(parcel), 'MORTGAGE', registrationNumber);
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
  async inForceOn(key: string): Promise<MortgageV1 | null> {
    const linked = await this.links.refs(key, 'MORTGAGE');
    if (linked.length === 0) return null;
    const [first] = await this.mortgages.inForce(linked);
    if (!first?.registeredAt || !first.mortgagee) return null;
    return {
      mortgagee: first.mortgagee,
      registrationNumber: first._id,
      registeredOn: vietnamDateOf(first.registeredAt),
    };
  }
}
