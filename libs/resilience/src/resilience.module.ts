import { DynamicModule, Module } from '@nestjs/common';
import { AGENCY_GATE } from '@lien-thong/messaging';
import {
  AGENCY_ENDPOINTS,
  AGENCY_POLICY_OVERRIDES,
  AgencyClients,
  AgencyEndpoint,
} from './agency-clients';

/** Token under which /health finds the agencies' breakers (pass it to PlatformModule). */
export const AGENCIES_HEALTH = AgencyClients;

@Module({})
export class ResilienceModule {
  static forRoot(endpoints: AgencyEndpoint[], policyOverridesJson?: string): DynamicModule {
    return {
      module: ResilienceModule,
      global: true,
      providers: [
        { provide: AGENCY_ENDPOINTS, useValue: endpoints },
        { provide: AGENCY_POLICY_OVERRIDES, useValue: policyOverridesJson },
        AgencyClients,
        // The event consumer holds work deferred for an agency until its breaker lets it go.
        { provide: AGENCY_GATE, useExisting: AgencyClients },
      ],
      exports: [AgencyClients, AGENCY_GATE],
    };
  }
}
