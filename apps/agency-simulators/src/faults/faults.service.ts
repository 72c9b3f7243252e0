import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@lien-thong/platform';
import {
  AGENCY_NAMES,
  AgencyName,
  AllFaultSettings,
  FaultSettings,
  FaultSettingsRequest,
} from '@lien-thong/agency-contracts';
import { AgencySimulatorsConfig } from '../config/agency-simulators.config';
import { decideFault, FaultDecision } from './fault-decision';
import { seededRandom } from './prng';

/**
 * Fault settings per agency, in memory: they are test controls, not records, and a
 * restarted simulator starts healthy.
 */
/** One agency's settings and the random sequence its error rate draws from. */
interface AgencyFaults {
  settings: FaultSettings;
  draw: () => number;
}

@Injectable()
export class FaultsService {
  private faults: Record<AgencyName, AgencyFaults>;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: AgencySimulatorsConfig) {
    this.faults = this.healthy();
  }

  get(agency: AgencyName): FaultSettings {
    return { ...this.faults[agency].settings };
  }

  all(): AllFaultSettings {
    return Object.fromEntries(
      AGENCY_NAMES.map((agency) => [agency, this.get(agency)]),
    ) as AllFaultSettings;
  }

  /** Replaces an agency's settings (omitted fields back to defaults) and reseeds its draws. */
  set(agency: AgencyName, request: FaultSettingsRequest): FaultSettings {
    this.faults[agency] = this.build(request);
    return this.get(agency);
  }

  resetAll(): void {
    this.faults = this.healthy();
  }

  decide(agency: AgencyName): FaultDecision {
    const { settings, draw } = this.faults[agency];
    return decideFault(settings, draw);
  }

  private build(request: FaultSettingsRequest): AgencyFaults {
    const seed = request.seed ?? this.config.FAULTS_SEED;
    return {
      settings: {
        latencyMs: request.latencyMs ?? 0,
        errorRate: request.errorRate ?? 0,
        errorStatus: request.errorStatus ?? 503,
        outage: request.outage ?? false,
        seed,
      },
      draw: seededRandom(seed),
    };
  }

  private healthy(): Record<AgencyName, AgencyFaults> {
    return Object.fromEntries(AGENCY_NAMES.map((agency) => [agency, this.build({})])) as Record<
      AgencyName,
      AgencyFaults
    >;
  }
}
