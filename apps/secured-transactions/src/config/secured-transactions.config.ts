import { Type } from 'class-transformer';
import { IsInt, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
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
  /**
   * The secret the Justice registry (pushing new holds) signs its calls with (HMAC-SHA256, header X-Lien-Thong-Signature);
   * an unsigned, stale or altered call is refused with 401. Generated per run by npm start
   * and the tests; a deployment gets it from the agency.
   */
  @IsString()
  @MinLength(16, { message: 'JUSTICE_WEBHOOK_SECRET must be at least 16 characters' })
  JUSTICE_WEBHOOK_SECRET!: string;

  /** The Justice registry API root (the simulator by default; the real system in production). */
  @IsUrl({ require_tld: false })
  JUSTICE_REGISTRY_URL = 'http://127.0.0.1:3100/justice/v1';

  /**
   * How long a clear registry answer may be reused for a check on receipt, unless the
   * registry told us of a hold placed or lifted at or after its as-of time. A check just
   * before registration always asks the registry again: a hold may have arrived in between.
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
