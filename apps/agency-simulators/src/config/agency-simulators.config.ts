import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { loadConfig, PRODUCT_VERSION, ServiceConfig, ServiceInfo } from '@lien-thong/platform';

export const AGENCY_SIMULATORS: ServiceInfo = {
  name: 'agency-simulators',
  version: PRODUCT_VERSION,
  title: 'Agency simulators',
  description:
    'SIMULATORS of the external agency systems (Justice registry, e-tax, payment gateway, SMS/e-mail/Zalo, population database, construction department) for development and tests. Never use in production.',
};

const HTTP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** Everything agency-simulators reads from its environment, validated at boot. */
export class AgencySimulatorsConfig extends ServiceConfig {
  /** Signs the hold pushes of the simulated Justice registry (the receiver's JUSTICE_WEBHOOK_SECRET). */
  @IsString()
  @MinLength(16, { message: 'JUSTICE_WEBHOOK_SECRET must be at least 16 characters' })
  JUSTICE_WEBHOOK_SECRET!: string;

  /** Signs the simulated payment gateway's callbacks (the receiver's PAYMENT_WEBHOOK_SECRET). */
  @IsString()
  @MinLength(16, { message: 'PAYMENT_WEBHOOK_SECRET must be at least 16 characters' })
  PAYMENT_WEBHOOK_SECRET!: string;

  /**
   * The simulators stand in for other agencies and must never run in production: with
   * NODE_ENV=production they refuse to start unless this is set to "yes" on purpose.
   */
  @IsOptional()
  @IsIn(['yes'])
  ALLOW_SIMULATORS_IN_PRODUCTION?: 'yes';

  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  /**
   * Hosts a callbackUrl given to the simulated gateway may point at (comma-separated
   * host:port); the simulator calls nothing else.
   */
  @IsOptional()
  @IsString()
  CALLBACK_HOSTS?: string;

  /** Where each hold placed at run time is POSTed (best effort); unset: nobody is told. */
  @IsOptional()
  @IsUrl(HTTP_URL)
  JUSTICE_HOLD_WEBHOOK_URL?: string;

  /** Pay every new payment order after this many ms; unset: orders wait for an admin pay. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  PAYMENT_AUTO_PAY_MS?: number;

  /** Deliveries of a payment callback before giving up (the first one included). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  PAYMENT_CALLBACK_ATTEMPTS = 5;

  /** Wait before the first callback retry; it doubles after each failure. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(600_000)
  PAYMENT_CALLBACK_BACKOFF_MS = 500;

  /** Timeout of every call the simulators make (hold webhook, payment callback). */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(120_000)
  OUTBOUND_TIMEOUT_MS = 5000;

  /** The simulators' root as a citizen's browser reaches it, for payment pages (payUrl). */
  @IsOptional()
  @IsUrl(HTTP_URL)
  SIMULATORS_PUBLIC_URL?: string;

  /**
   * How long the simulated construction department takes to answer a conformity request
   * (the request is PENDING until then).
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  CONSTRUCTION_ANSWER_DELAY_MS = 1000;

  /** Seed of the random draws behind fault errorRate, so that runs are reproducible. */
  @Type(() => Number)
  @IsInt()
  FAULTS_SEED = 20_250_701;
}

export function loadAgencySimulatorsConfig(
  env: NodeJS.ProcessEnv = process.env,
): AgencySimulatorsConfig {
  const config = loadConfig(AgencySimulatorsConfig, { PORT: 3100 }, env);
  if (config.NODE_ENV === 'production' && config.ALLOW_SIMULATORS_IN_PRODUCTION !== 'yes')
    throw new Error(
      'the agency simulators stand in for other agencies and are not for production (NODE_ENV=production); set ALLOW_SIMULATORS_IN_PRODUCTION=yes only for a staging environment that needs them',
    );
  return config;
}
