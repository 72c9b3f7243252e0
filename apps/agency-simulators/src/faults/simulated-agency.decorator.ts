import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { AgencyName } from '@lien-thong/agency-contracts';
import { AGENCY_LABELS } from './agency-labels';
import { FaultInjectionInterceptor, SIMULATED_AGENCY } from './fault-injection.interceptor';

/**
 * Marks a controller as one simulated agency's API: its routes get that agency's faults and
 * statistics, and the docs say plainly that it is a simulator. Admin controllers do not use
 * it, so a test can always reach the controls of an agency that is "down".
 */
export function SimulatedAgency(agency: AgencyName): ClassDecorator {
  return applyDecorators(
    SetMetadata(SIMULATED_AGENCY, agency),
    UseInterceptors(FaultInjectionInterceptor),
    ApiTags(`${AGENCY_LABELS[agency].docs} (simulator)`),
    ApiServiceUnavailableResponse({
      description:
        'The agency is set to be down (SIMULATOR.OUTAGE); with injected faults, the configured errorStatus (SIMULATOR.INJECTED_FAILURE)',
    }),
  );
}
