import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';
import { loadConfig, PRODUCT_VERSION, ServiceConfig, ServiceInfo } from '@lien-thong/platform';

export const CONSTRUCTION: ServiceInfo = {
  name: 'construction',
  version: PRODUCT_VERSION,
  title: 'Construction department',
  description:
    'Confirms houses and works attached to land with the provincial construction department (Sở Xây dựng) for the land office, and looks up land-use rights in the land registry for building permits.',
};

const HTTP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** Everything construction reads from its environment, validated at boot. */
export class ConstructionConfig extends ServiceConfig {
  /** The construction department's API root (the simulator by default; the real system in production). */
  @IsUrl(HTTP_URL)
  CONSTRUCTION_URL = 'http://127.0.0.1:3100/construction/v1';

  /**
   * How often requests the department has not answered yet are looked up, and submissions
   * that failed while it was down are tried again.
   */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  OPINION_SWEEP_MS = 5_000;

  /** The land registry's root, whose agency API answers land-use-right look-ups. */
  @IsUrl(HTTP_URL)
  LAND_REGISTRY_URL = 'http://127.0.0.1:3000';

  /** A land-use-right look-up with no answer by then is abandoned (and counts against the breaker). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  LAND_REGISTRY_TIMEOUT_MS = 3_000;

  /**
   * The confidential client of the issuer whose service account asks the land registry
   * (client credentials; realm role construction-officer and the unit of its province).
   * Unset: look-ups are answered 503. The development realm's is `lien-thong-construction`.
   */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  OIDC_CONSTRUCTION_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  OIDC_CONSTRUCTION_CLIENT_SECRET?: string;
}

export function loadConstructionConfig(env: NodeJS.ProcessEnv = process.env): ConstructionConfig {
  return loadConfig(ConstructionConfig, { PORT: 3004 }, env);
}
