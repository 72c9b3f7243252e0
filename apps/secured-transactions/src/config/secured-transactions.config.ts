import { loadConfig, PRODUCT_VERSION, ServiceConfig, ServiceInfo } from '@lien-thong/platform';

export const SECURED_TRANSACTIONS: ServiceInfo = {
  name: 'secured-transactions',
  version: PRODUCT_VERSION,
  title: 'Secured transactions and holds lookup',
  description:
    'Checks parcels against the Justice Department registry of secured transactions and holds (thông tin ngăn chặn).',
};

/** Everything secured-transactions reads from its environment, validated at boot. */
export class SecuredTransactionsConfig extends ServiceConfig {}

export function loadSecuredTransactionsConfig(
  env: NodeJS.ProcessEnv = process.env,
): SecuredTransactionsConfig {
  return loadConfig(SecuredTransactionsConfig, { PORT: 3001 }, env);
}
