import { describeServiceBoots } from '@lien-thong/testing';
import { AppModule } from './app.module';
import { loadTaxObligationConfig, TAX_OBLIGATION } from './config/tax-obligation.config';

describeServiceBoots(TAX_OBLIGATION, loadTaxObligationConfig, (config) =>
  AppModule.forRoot(config),
);
