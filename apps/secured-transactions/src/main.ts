import 'reflect-metadata';
import { bootstrapService, exitOnBootFailure } from '@lien-thong/platform';
import { AppModule } from './app.module';
import {
  loadSecuredTransactionsConfig,
  SECURED_TRANSACTIONS,
} from './config/secured-transactions.config';

async function main(): Promise<void> {
  const config = loadSecuredTransactionsConfig();
  await bootstrapService({ module: AppModule.forRoot(config), config, info: SECURED_TRANSACTIONS });
}

main().catch(exitOnBootFailure('secured-transactions'));
