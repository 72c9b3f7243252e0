import { Type } from 'class-transformer';
import { IsInt, IsUrl, Max, Min } from 'class-validator';
import { loadConfig, PRODUCT_VERSION, ServiceConfig, ServiceInfo } from '@lien-thong/platform';

export const SECURED_TRANSACTIONS: ServiceInfo = {
  name: 'secured-transactions',
  version: PRODUCT_VERSION,
  title: 'Secured transactions and holds lookup',
  description:
    'Checks parcels against the Justice Department registry of secured transactions and holds (thông tin ngăn chặn).',
};

/** Everything secured-transactions reads from its environment, validated at boot. */
export class SecuredTransactionsConfig extends ServiceConfig {
  /** The Justice registry API root (the simulator by default; the real system in production). */
  @IsUrl({ require_tld: false })
  JUSTICE_REGISTRY_URL = 'http://127.0.0.1:3100/justice/v1';

  /**
   * How long a registry answer may be reused for a check on receipt. A check just before
   * registration always asks the registry again: a hold may have arrived in between.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(86_400)
  CHECK_CACHE_SECONDS = 300;
}

export function loadSecuredTransactionsConfig(
  env: NodeJS.ProcessEnv = process.env,
): SecuredTransactionsConfig {
  return loadConfig(SecuredTransactionsConfig, { PORT: 3001 }, env);
}
