import 'reflect-metadata';
import { bootstrapService, exitOnBootFailure } from '@lien-thong/platform';
import { AppModule } from './app.module';
import { loadAgencySimulatorsConfig, AGENCY_SIMULATORS } from './config/agency-simulators.config';

async function main(): Promise<void> {
  const config = loadAgencySimulatorsConfig();
  await bootstrapService({ module: AppModule.forRoot(config), config, info: AGENCY_SIMULATORS });
}

main().catch(exitOnBootFailure('agency-simulators'));
