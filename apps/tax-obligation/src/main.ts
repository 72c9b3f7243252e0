import 'reflect-metadata';
import { bootstrapService, exitOnBootFailure } from '@lien-thong/platform';
import { AppModule } from './app.module';
import { loadTaxObligationConfig, TAX_OBLIGATION } from './config/tax-obligation.config';

async function main(): Promise<void> {
  const config = loadTaxObligationConfig();
  await bootstrapService({ module: AppModule.forRoot(config), config, info: TAX_OBLIGATION });
}

main().catch(exitOnBootFailure('tax-obligation'));
