import { ServiceDefinition } from '@lien-thong/platform';
import { connectEventConsumer } from '@lien-thong/messaging';
import { AppModule } from './app.module';
import {
  SecuredTransactionsConfig,
  loadSecuredTransactionsConfig,
  SECURED_TRANSACTIONS,
} from './config/secured-transactions.config';

/** How secured-transactions starts: used by main.ts and by the tests, so both boot it the same way. */
export const SECURED_TRANSACTIONS_SERVICE: ServiceDefinition<SecuredTransactionsConfig> = {
  info: SECURED_TRANSACTIONS,
  loadConfig: loadSecuredTransactionsConfig,
  module: (config) => AppModule.forRoot(config),
  connect: connectEventConsumer,
};
