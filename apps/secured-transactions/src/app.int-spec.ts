import { describeServiceBoots } from '@lien-thong/testing';
import { AppModule } from './app.module';
import {
  loadSecuredTransactionsConfig,
  SECURED_TRANSACTIONS,
} from './config/secured-transactions.config';

describeServiceBoots(SECURED_TRANSACTIONS, loadSecuredTransactionsConfig, (config) =>
  AppModule.forRoot(config),
);
