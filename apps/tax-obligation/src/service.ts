import { ServiceDefinition } from '@lien-thong/platform';
import { connectEventConsumer } from '@lien-thong/messaging';
import { AppModule } from './app.module';
import {
  TaxObligationConfig,
  loadTaxObligationConfig,
  TAX_OBLIGATION,
} from './config/tax-obligation.config';

/** How tax-obligation starts: used by main.ts and by the tests, so both boot it the same way. */
export const TAX_OBLIGATION_SERVICE: ServiceDefinition<TaxObligationConfig> = {
  info: TAX_OBLIGATION,
  loadConfig: loadTaxObligationConfig,
  module: (config) => AppModule.forRoot(config),
  connect: connectEventConsumer,
};
