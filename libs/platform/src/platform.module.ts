import { DynamicModule, InjectionToken, Module, Provider } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ServiceConfig } from './config/service-config';
import { useHolidayDataDir } from './config/holiday-data-dir';
import { SERVICE_CONFIG, SERVICE_INFO, ServiceInfo } from './bootstrap/service-info';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics';
import { HealthService } from './health/health.service';
import { HEALTH_INDICATORS, HealthIndicator } from './health/health-indicator';
import { DatabaseHealthIndicator } from './health/database-health.indicator';
import { KAFKA_HEALTH_INDICATOR, NotUsedIndicator } from './health/not-used.indicator';
import { AuthModule } from './auth/auth.module';
import { CalendarHealthIndicator } from './health/calendar-health.indicator';
import { TerminusModule } from '@nestjs/terminus';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { Probes, READINESS_INDICATORS } from './health/readiness';
import { loggerParams } from './logging/service-logger';
import { LogContextInterceptor } from './logging/log-context.interceptor';
import { TelemetryShutdown } from './telemetry/telemetry-shutdown';

export interface PlatformOptions {
  config: ServiceConfig;
  info: ServiceInfo;
  /** Whether this process owns a database (every agency service does). */
  database: boolean;
  /**
   * Whether this process talks to Kafka (the simulators do not: agencies are outside our
   * bus). When true, the app must also import MessagingModule.
   */
  kafka: boolean;
  /** Further checks /health reports, provided by other (global) modules, e.g. the agency breakers. */
  healthIndicators?: InjectionToken[];
}

/** The database name a service uses unless MONGO_DB overrides it. */
export function databaseName(config: ServiceConfig, service: string): string {
  return config.MONGO_DB ?? `lien-thong-${service}`;
}

/**
 * What every service has: its validated config, its database connection, its Kafka
 * connection, GET /health reporting both, the probes /health/live and /health/ready, and
 * structured, masked logs (nestjs-pino).
 */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const { config, info } = options;
    // Before anything counts a working day: the operator's holiday files replace the bundled.
    if (config.HOLIDAY_DATA_DIR) useHolidayDataDir(config.HOLIDAY_DATA_DIR);
    const imports: (DynamicModule | typeof AuthModule)[] = [
      AuthModule,
      LoggerModule.forRoot(loggerParams(config, info)),
      TerminusModule.forRoot({
        errorLogStyle: 'json',
        gracefulShutdownTimeoutMs: config.SHUTDOWN_GRACE_MS,
      }),
    ];
    const providers: Provider[] = [
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: SERVICE_INFO, useValue: info },
      HealthService,
      Probes,
      { provide: APP_INTERCEPTOR, useClass: LogContextInterceptor },
    ];
    const indicatorTokens: unknown[] = [];
    if (options.database) {
      imports.push(
        MongooseModule.forRoot(config.MONGO_URL, {
          dbName: databaseName(config, info.name),
          serverSelectionTimeoutMS: 5000,
          maxPoolSize: config.MONGO_POOL_SIZE,
          retryAttempts: 1,
          retryDelay: 500,
        }),
      );
      providers.push(DatabaseHealthIndicator);
      indicatorTokens.push(DatabaseHealthIndicator);
    } else {
      providers.push({ provide: 'DATABASE_NOT_USED', useValue: new NotUsedIndicator('database') });
      indicatorTokens.push('DATABASE_NOT_USED');
    }
    if (options.kafka) {
      // Provided (and exported) by MessagingModule, which every service on the bus imports.
      indicatorTokens.push(KAFKA_HEALTH_INDICATOR);
    } else {
      providers.push({ provide: 'KAFKA_NOT_USED', useValue: new NotUsedIndicator('kafka') });
      indicatorTokens.push('KAFKA_NOT_USED');
    }
    // Every service counts working days: /health says when the holiday data runs out.
    providers.push({
      provide: CalendarHealthIndicator,
      useFactory: () => new CalendarHealthIndicator(),
    });
    indicatorTokens.push(CalendarHealthIndicator);
    // Readiness: what the service cannot serve without (not the agencies: work waits for them).
    const readinessTokens = [...indicatorTokens];
    indicatorTokens.push(...(options.healthIndicators ?? []));
    providers.push({
      provide: READINESS_INDICATORS,
      useFactory: (...indicators: HealthIndicator[]) => indicators,
      inject: readinessTokens as never[],
    });
    providers.push({
      provide: HEALTH_INDICATORS,
      useFactory: (...indicators: HealthIndicator[]) => indicators,
      inject: indicatorTokens as never[],
    });
    providers.push(TelemetryShutdown);
    return {
      module: PlatformModule,
      global: true,
      imports,
      controllers: [HealthController, MetricsController],
      providers,
      exports: [SERVICE_CONFIG, SERVICE_INFO],
    };
  }
}
