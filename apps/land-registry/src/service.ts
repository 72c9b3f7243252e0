import { ServiceDefinition } from '@lien-thong/platform';
import { connectEventConsumer } from '@lien-thong/messaging';
import { AppModule } from './app.module';
import {
  LandRegistryConfig,
  loadLandRegistryConfig,
  LAND_REGISTRY,
} from './config/land-registry.config';

/** How land-registry starts: used by main.ts and by the tests, so both boot it the same way. */
export const LAND_REGISTRY_SERVICE: ServiceDefinition<LandRegistryConfig> = {
  info: LAND_REGISTRY,
  loadConfig: loadLandRegistryConfig,
  module: (config) => AppModule.forRoot(config),
  connect: connectEventConsumer,
};
