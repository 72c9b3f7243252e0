import { describeServiceBoots } from '@lien-thong/testing';
import { AppModule } from './app.module';
import { loadAgencySimulatorsConfig, AGENCY_SIMULATORS } from './config/agency-simulators.config';

describeServiceBoots(
  AGENCY_SIMULATORS,
  loadAgencySimulatorsConfig,
  (config) => AppModule.forRoot(config),
  'not-used',
);
