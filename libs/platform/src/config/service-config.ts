import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsJSON,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';

/**
 * What every service reads from its environment. Each app extends this class with its
 * own settings; `loadConfig` validates it once at boot, and nothing else reads process.env.
 */
export class ServiceConfig {
  /** HTTP port; each app sets its own default (3000–3003, 3100). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT!: number;

  /**
   * Address to listen on: loopback unless a deployment opens it (containers set 0.0.0.0),
   * so that a developer's services are not reachable from the network by accident.
   */
  @IsString()
  @IsNotEmpty()
  HOST = '127.0.0.1';

  /** Comma-separated host:port list. */
  @IsString()
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, {
    message: 'KAFKA_BROKERS must look like host:9092[,host:9092]',
  })
  KAFKA_BROKERS = '127.0.0.1:9092';

  @IsString()
  @Matches(/^mongodb(\+srv)?:\/\//, {
    message: 'MONGO_URL must start with mongodb:// or mongodb+srv://',
  })
  MONGO_URL = 'mongodb://127.0.0.1:27017';

  /**
   * Database commands this service has in flight at most (the driver queues the rest).
   * Bounded so that the services together stay below what the database's own pool serves
   * (see tools/infra/mongo.mjs: FerretDB on PostgreSQL deadlocks when it runs out).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  MONGO_POOL_SIZE = 20;

  /** Database name; defaults to lien-thong-<service>. Tests give each run its own. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  MONGO_DB?: string;

  /** Prefix for topic names and consumer groups, so that test runs do not share state. */
  @IsOptional()
  @IsString()
  KAFKA_NAMESPACE?: string;

  /** Delays of the retry levels; after the last one an event goes to the dead letters. */
  @Matches(/^\d+(,\d+)*$/, {
    message: 'RETRY_DELAYS_MS must be a comma-separated list of milliseconds',
  })
  RETRY_DELAYS_MS = '1000,10000,60000';

  /** Partitions consumed at the same time (order is kept within each partition). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  CONSUMER_CONCURRENCY = 6;

  /** Partitions of the topics a service creates; bounds how far a consumer group scales out. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(256)
  KAFKA_PARTITIONS = 6;

  /**
   * The process that started this one (a test run, `npm start`): when it is gone, this
   * service shuts down gracefully instead of running on as an orphan. Unset in production.
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  EXIT_WITH_PID?: number;

  /**
   * A directory of holiday files (`vn-holidays-YYYY.json`, the bundled format) that replaces
   * the bundled ones: how an operator brings in a year's schedule announced after the
   * release. A year no file covers is counted with weekends only and /health says so.
   */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  HOLIDAY_DATA_DIR?: string;

  /**
   * How a read-modify-write of one document is kept alone (libs/messaging, document-lock):
   * `process` for one instance, `lease` for two or more on FerretDB, `none` on MongoDB.
   */
  @IsIn(['process', 'lease', 'none'])
  DOCUMENT_LOCK: 'process' | 'lease' | 'none' = 'process';

  /** How often the outbox relay looks for events a crash left unpublished. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  OUTBOX_POLL_MS = 1000;

  /**
   * Per-agency breaker settings that differ from the defaults, as JSON, e.g.
   * {"e-tax":{"timeoutMs":8000,"resetTimeoutMs":30000}} (see libs/resilience).
   */
  @IsOptional()
  @IsJSON()
  AGENCY_POLICY_OVERRIDES?: string;

  /**
   * The OpenID Connect issuer whose tokens this service accepts (Keycloak's realm URL,
   * e.g. https://sso.example.gov.vn/realms/lien-thong); its keys come from its JWKS.
   */
  @IsString()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'OIDC_ISSUER_URL must be an http(s) URL' })
  OIDC_ISSUER_URL = 'http://127.0.0.1:8180/realms/lien-thong';

  /** The audience a token must name (the realm's mapper adds it to every access token). */
  @IsString()
  @IsNotEmpty()
  OIDC_AUDIENCE = 'lien-thong-api';

  /**
   * A confidential client of the issuer whose service account may read the realm's login
   * events (realm-management view-events): set on the one service that imports failed
   * logins into its audit log (the land registry under npm start).
   */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  OIDC_AUDIT_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  OIDC_AUDIT_CLIENT_SECRET?: string;

  /** How often failed logins are read from the identity provider. */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  LOGIN_FAILURES_POLL_MS = 10_000;

  /** Browser origins allowed to call this service (comma-separated); none by default. */
  @IsOptional()
  @Matches(/^https?:\/\/[^,\s]+(,https?:\/\/[^,\s]+)*$/, {
    message: 'CORS_ORIGINS must be a comma-separated list of http(s) origins',
  })
  CORS_ORIGINS?: string;

  /** This service's Kafka user (SASL/SCRAM); unset: the broker is reached without SASL. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  KAFKA_SASL_USERNAME?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  KAFKA_SASL_PASSWORD?: string;

  @IsIn(['scram-sha-256', 'scram-sha-512'])
  KAFKA_SASL_MECHANISM: 'scram-sha-256' | 'scram-sha-512' = 'scram-sha-512';

  /** The Kafka client library (kafkajs by default); libs/messaging's broker-factory checks the name. */
  @IsOptional()
  @IsString()
  KAFKA_CLIENT?: string;

  /** This service's private key for signing the events it produces (JWK as JSON). */
  @IsOptional()
  @IsJSON()
  EVENT_SIGNING_KEY?: string;

  /** The public keys of every producer, as JSON {"<service>": <JWK>, …}: events are verified with them. */
  @IsOptional()
  @IsJSON()
  EVENT_VERIFY_KEYS?: string;

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /**
   * On SIGTERM, how long /health/ready answers 503 "shutting_down" while the service still
   * serves, before it stops: time for the orchestrator to take it out of the load balancer.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  SHUTDOWN_GRACE_MS = 0;

  /**
   * How many proxies in front of the service append to X-Forwarded-For (the web gateway: 1).
   * The client's address (rate limits, audit) is then the one the nearest proxy saw; 0 trusts
   * no header, so a caller that reaches the service directly cannot choose its address.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(5)
  TRUST_PROXY_HOPS = 0;

  /** json: one JSON object a line (what a log collector reads); pretty: for a terminal. */
  @IsIn(['json', 'pretty'])
  LOG_FORMAT: 'json' | 'pretty' = 'json';

  /** A file that receives every log line as well (JSON), besides stdout and stderr. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  LOG_FILE?: string;
}
