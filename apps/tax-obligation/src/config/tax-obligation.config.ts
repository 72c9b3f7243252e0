import { loadConfig, PRODUCT_VERSION, ServiceConfig, ServiceInfo } from '@lien-thong/platform';

export const TAX_OBLIGATION: ServiceInfo = {
  name: 'tax-obligation',
  version: PRODUCT_VERSION,
  title: 'Tax obligations',
  description:
    'Determines the financial obligations of a transfer, files them with the tax authority and follows payment.',
};

/** Everything tax-obligation reads from its environment, validated at boot. */
export class TaxObligationConfig extends ServiceConfig {}

export function loadTaxObligationConfig(env: NodeJS.ProcessEnv = process.env): TaxObligationConfig {
  return loadConfig(TaxObligationConfig, { PORT: 3002 }, env);
}
