import { Injectable } from '@nestjs/common';
import type { CitizenRecord } from '@lien-thong/agency-contracts';
import { loadCitizenSeed } from './citizen-seed';

/**
 * Read-only and small, so the seed file is the store: nothing here changes at run time and
 * nothing needs to survive a restart.
 */
@Injectable()
export class PopulationRepository {
  private readonly citizens = new Map(
    loadCitizenSeed().map((citizen) => [citizen.citizenId, citizen]),
  );

  find(citizenId: string): CitizenRecord | undefined {
    return this.citizens.get(citizenId);
  }
}
