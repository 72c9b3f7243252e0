import { ServiceDefinition } from '@lien-thong/platform';
import { connectEventConsumer } from '@lien-thong/messaging';
import { AppModule } from './app.module';
import {
  ConstructionConfig,
  loadConstructionConfig,
  CONSTRUCTION,
} from './config/construction.config';

/** How construction starts: used by main.ts and by the tests, so both boot it the same way. */
export const CONSTRUCTION_SERVICE: ServiceDefinition<ConstructionConfig> = {
  info: CONSTRUCTION,
  loadConfig: loadConstructionConfig,
  module: (config) => AppModule.forRoot(config),
  connect: connectEventConsumer,
};
