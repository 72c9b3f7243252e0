import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { loadConfig, PRODUCT_VERSION, ServiceConfig, ServiceInfo } from '@lien-thong/platform';

export const TAX_OBLIGATION: ServiceInfo = {
  name: 'tax-obligation',
  version: PRODUCT_VERSION,
  title: 'Tax obligations',
  description:
    'Determines the financial obligations of a transfer, files them with the tax authority and follows payment.',
};

const HTTP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** Everything tax-obligation reads from its environment, validated at boot. */
export class TaxObligationConfig extends ServiceConfig {
  /** The tax authority's e-tax API root (the simulator by default). */
  @IsUrl(HTTP_URL)
  E_TAX_URL = 'http://127.0.0.1:3100/etax/v1';

  /**
   * The secret the payment gateway signs its calls with (HMAC-SHA256, header X-Lien-Thong-Signature);
   * an unsigned, stale or altered call is refused with 401. Generated per run by npm start
   * and the tests; a deployment gets it from the agency.
   */
  @IsString()
  @MinLength(16, { message: 'PAYMENT_WEBHOOK_SECRET must be at least 16 characters' })
  PAYMENT_WEBHOOK_SECRET!: string;

  /** The national portal's payment gateway API root (the simulator by default). */
  @IsUrl(HTTP_URL)
  PAYMENT_GATEWAY_URL = 'http://127.0.0.1:3100/payments/v1';

  /**
   * This service's root as the payment gateway reaches it (the payment callback is sent to
   * PUBLIC_URL + /payments/callback). Unset: http://127.0.0.1:<PORT>.
   */
  @IsOptional()
  @IsUrl(HTTP_URL)
  PUBLIC_URL?: string;

  /**
   * How often orders still unpaid here are looked up at the gateway: its callback is given
   * up after a few tries (while this service restarts, say), and a payment must never be
   * taken without being recorded.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  PAYMENT_RECONCILE_MS = 60_000;

  /**
   * How often compensations still pending (voiding notices, cancelling or refunding an order
   * of a refused, withdrawn or superseded assessment) are tried again while an agency is down.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  COMPENSATION_RETRY_MS = 30_000;

  /**
   * For how many days after its cancellation an order is still looked up at the gateway by
   * the payment reconciliation, so that a payment the gateway took anyway is refunded.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3_650)
  CANCELLED_ORDER_WATCH_DAYS = 90;
}

/** The root the payment gateway calls back; 127.0.0.1 on this service's port unless configured. */
export function publicUrl(config: TaxObligationConfig): string {
  return (config.PUBLIC_URL ?? `http://127.0.0.1:${config.PORT}`).replace(/\/+$/, '');
}

export function loadTaxObligationConfig(env: NodeJS.ProcessEnv = process.env): TaxObligationConfig {
  return loadConfig(TaxObligationConfig, { PORT: 3002 }, env);
}
