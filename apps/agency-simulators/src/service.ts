import { ServiceDefinition } from '@lien-thong/platform';

import { AppModule } from './app.module';
import {
  AgencySimulatorsConfig,
  loadAgencySimulatorsConfig,
  AGENCY_SIMULATORS,
} from './config/agency-simulators.config';

/** How agency-simulators starts: used by main.ts and by the tests, so both boot it the same way. */
export const AGENCY_SIMULATORS_SERVICE: ServiceDefinition<AgencySimulatorsConfig> = {
  info: AGENCY_SIMULATORS,
  loadConfig: loadAgencySimulatorsConfig,
  module: (config) => AppModule.forRoot(config),
};
