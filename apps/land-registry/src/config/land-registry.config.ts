import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { loadConfig, PRODUCT_VERSION, ServiceConfig, ServiceInfo } from '@lien-thong/platform';

export const LAND_REGISTRY: ServiceInfo = {
  name: 'land-registry',
  version: PRODUCT_VERSION,
  title: 'Land Registration Office (Văn phòng đăng ký đất đai)',
  description:
    'The one-stop counter and online intake for land dossiers; owns dossiers, parcels and certificates and orchestrates each transfer.',
};

/** Everything land-registry reads from its environment, validated at boot. */
export class LandRegistryConfig extends ServiceConfig {
  /** The receiving unit's code in dossier codes (Circular 01/2018 art. 19). */
  @IsString()
  @Matches(/^[A-Z0-9.]+$/)
  UNIT_CODE = 'VPDKHN';

  /** Dossier-code format: the classic per-unit format or the centralized 2026 one. */
  @IsIn(['CLASSIC', 'CENTRALIZED_2026'])
  DOSSIER_CODE_FORMAT: 'CLASSIC' | 'CENTRALIZED_2026' = 'CLASSIC';

  /** Series letters of this receiving point (centralized 2026 format only). */
  @IsOptional()
  @Matches(/^[A-Z0-9]{2}$/)
  DOSSIER_SERIES?: string;

  /** Where the citizen collects the result at the counter. */
  @IsString()
  COUNTER_ADDRESS_VI =
    'Bộ phận Một cửa, Văn phòng đăng ký đất đai Hà Nội, 18 Huỳnh Thúc Kháng, Phường Láng';

  /** How often overdue-risk dossiers are looked for (apology letters, form 04). */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  DELAY_WATCH_MS = 60_000;

  /** Extra generated parcels to seed (for load tests and demos); 0 in production. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  SEED_BULK_PARCELS = 0;

  /** Largest document a citizen or counter officer may upload (bytes; 10 MB by default). */
  @Type(() => Number)
  @IsInt()
  @Min(1_024)
  @Max(100 * 1024 * 1024)
  DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

  /**
   * A virus scanner over HTTP (a ClamAV REST front: POST multipart `file`, 200 clean, 406 or a
   * FOUND/infected body when infected). Unset: only the built-in EICAR check runs.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  VIRUS_SCAN_URL?: string;

  /** How long one scan may take before the upload is refused as unscanned. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  VIRUS_SCAN_TIMEOUT_MS = 10_000;

  /**
   * The notification service's root: the officer's view of a dossier lists the messages sent
   * to the citizen from its GET /notifications (a message that went through is announced by
   * no event, issue 18).
   */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  NOTIFICATION_URL = 'http://127.0.0.1:3003';

  /**
   * A read of the messages with no answer by then is abandoned (and counts against the
   * breaker): the officer's view then shows the failures recorded here, marked incomplete.
   */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  NOTIFICATION_TIMEOUT_MS = 2_000;

  /**
   * The confidential client of the issuer whose service account reads the messages (client
   * credentials; realm role notification-reader). Unset: the officer's view lists only the
   * failed messages, marked incomplete. The development realm's is `lien-thong-land-registry`.
   */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  OIDC_LAND_REGISTRY_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  OIDC_LAND_REGISTRY_CLIENT_SECRET?: string;
}

export function loadLandRegistryConfig(env: NodeJS.ProcessEnv = process.env): LandRegistryConfig {
  return loadConfig(LandRegistryConfig, { PORT: 3000 }, env);
}
