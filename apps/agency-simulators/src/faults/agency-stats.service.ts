import { Injectable } from '@nestjs/common';
import { AGENCY_NAMES, AgencyName, AgencyStats } from '@lien-thong/agency-contracts';

function zeroes(): Record<AgencyName, AgencyStats> {
  return Object.fromEntries(
    AGENCY_NAMES.map((agency) => [
      agency,
      { received: 0, completed: 0, failedInjected: 0, aborted: 0 },
    ]),
  ) as Record<AgencyName, AgencyStats>;
}

/** Calls per agency since the last reset, in memory like the fault settings. */
@Injectable()
export class AgencyStatsService {
  private stats = zeroes();

  count(agency: AgencyName, outcome: keyof AgencyStats): void {
    this.stats[agency][outcome] += 1;
  }

  get(agency: AgencyName): AgencyStats {
    return { ...this.stats[agency] };
  }

  resetAll(): void {
    this.stats = zeroes();
  }
}
