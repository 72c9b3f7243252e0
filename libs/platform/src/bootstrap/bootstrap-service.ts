import { DynamicModule, INestApplication, LogLevel, Logger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ServiceConfig } from '../config/service-config';
import { ServiceInfo } from './service-info';
import { createValidationPipe } from '../errors/validation-pipe';
import { HttpExceptionFilter } from '../errors/http-exception.filter';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

export interface BootstrapOptions {
  module: Type<unknown> | DynamicModule;
  config: ServiceConfig;
  info: ServiceInfo;
  /** Host to bind; all interfaces by default so that containers are reachable. */
  host?: string;
}

/**
 * Creates and starts one service: global validation and error mapping, OpenAPI docs at
 * /docs (JSON at /docs-json), graceful shutdown on SIGTERM, HTTP on config.PORT.
 */
export async function bootstrapService(options: BootstrapOptions): Promise<INestApplication> {
  const { config, info } = options;
  const app = await NestFactory.create(options.module, {
    logger: LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1),
    abortOnError: false,
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(info.title)
      .setDescription(info.description)
      .setVersion(info.version)
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  await app.listen(config.PORT, options.host ?? '0.0.0.0');
  new Logger(info.name).log(
    `listening on http://127.0.0.1:${config.PORT} (docs at /docs, health at /health)`,
  );
  return app;
}

/** For main.ts: one readable sentence and exit 1 instead of a stack trace. */
export function exitOnBootFailure(service: string) {
  return (err: unknown): never => {
    const reason = err instanceof Error ? err.message : String(err);
    process.stderr.write(`${service} could not start: ${reason}\n`);
    process.exit(1);
  };
}
