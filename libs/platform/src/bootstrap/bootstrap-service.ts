import { DynamicModule, INestApplication, Logger, Type } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { json, type Request, type Response } from 'express';
import { EventContext, runInContext } from '../context/event-context';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ServiceConfig } from '../config/service-config';
import { ServiceInfo } from './service-info';
import { createValidationPipe } from '../errors/validation-pipe';
import { HttpExceptionFilter } from '../errors/http-exception.filter';
import {
  attachRequestContext,
  createServiceLogger,
  loggerParams,
  serviceHttpLogger,
} from '../logging/service-logger';
import { JSON_BODY_LIMIT, rejectPrototypeKeys, verifyJsonBody } from './json-body';
import helmet from 'helmet';
import { unmarkedRoutes } from '../auth/route-marks';
import { completeOpenApi } from './openapi-contract';

export interface BootstrapOptions {
  module: Type<unknown> | DynamicModule;
  config: ServiceConfig;
  info: ServiceInfo;
  /** Host to bind; config.HOST (loopback by default) otherwise. */
  host?: string;
  /** Connects what else the service listens to (its Kafka consumer) before HTTP opens. */
  connect?: (app: INestApplication) => Promise<void>;
}

/**
 * Creates and starts one service: global validation and error mapping, OpenAPI docs at
 * /docs (JSON at /docs-json), graceful shutdown on SIGTERM, HTTP on config.PORT.
 */
export async function bootstrapService(options: BootstrapOptions): Promise<INestApplication> {
  const { config, info } = options;
  const app = await NestFactory.create(options.module, {
    // JSON lines through pino, masked, with the request's or event's context (logging/).
    logger: createServiceLogger(loggerParams(config, info)),
    abortOnError: false,
    // On SIGTERM, requests that arrive on kept-alive connections get 503 and "Connection:
    // close" instead of being served: otherwise a client that keeps its connections busy
    // holds the HTTP server open and the shutdown never ends (found by the chaos run: a
    // land-registry polled every 2 s took minutes to stop). Requests in flight complete.
    return503OnClosing: true,
  });
  // Behind the web gateway, the browser's address is the last one it adds to X-Forwarded-For.
  if (config.TRUST_PROXY_HOPS > 0)
    app.getHttpAdapter().getInstance().set('trust proxy', config.TRUST_PROXY_HOPS);
  // Every request runs with a correlation id (the caller's X-Correlation-Id, or a new one):
  // it goes into the events the request causes and into every log line about it.
  app.use((req: Request, res: Response, next: () => void) => {
    const header = req.headers['x-correlation-id'];
    const correlationId =
      typeof header === 'string' && /^[\w.:-]{1,100}$/.test(header) ? header : randomUUID();
    res.setHeader('x-correlation-id', correlationId);
    const context: EventContext = { correlationId };
    attachRequestContext(req, context);
    runInContext(context, next);
  });
  // The access log: one line per request, whatever answers it (a body the parser refuses too).
  app.use(serviceHttpLogger(config, info));
  // Security headers; no X-Powered-By. Swagger UI (/docs) needs its inline script.
  const strict = helmet();
  const docs = helmet({ contentSecurityPolicy: false });
  app.use((req: Request, res: Response, next: () => void) =>
    (req.path.startsWith('/docs') ? docs : strict)(req, res, next),
  );
  if (config.CORS_ORIGINS) app.enableCors({ origin: config.CORS_ORIGINS.split(','), maxAge: 600 });
  // Registered before Nest's own JSON parser, which then steps aside (same middleware name).
  // The raw bytes are kept for the signature check of agency webhooks.
  app.use(
    json({
      limit: JSON_BODY_LIMIT,
      verify: (req, res, body, encoding) => {
        verifyJsonBody(req, res, body, encoding);
        (req as { rawBody?: Buffer }).rawBody = body;
      },
      reviver: rejectPrototypeKeys,
    }),
  );
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();
  const document = completeOpenApi(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle(info.title)
        .setDescription(info.description)
        .setVersion(info.version)
        .addBearerAuth(
          { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'OIDC access token' },
          'oidc',
        )
        .addSecurity('agency-signature', {
          type: 'apiKey',
          in: 'header',
          name: 'X-Lien-Thong-Signature',
          description: 't=<unix seconds>,v1=<HMAC-SHA256 hex of "t.body"> with the agency secret',
        })
        .build(),
    ),
    app,
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  const unmarked = unmarkedRoutes(app);
  if (unmarked.length > 0) {
    await app.close();
    throw new Error(
      `routes without @Roles, @Public or @SignedWebhook (every route must say who may call it): ${unmarked.join(', ')}`,
    );
  }
  await options.connect?.(app);
  await app.listen(config.PORT, options.host ?? config.HOST);
  new Logger(info.name).log(
    `listening on http://127.0.0.1:${config.PORT} (docs at /docs, health at /health)`,
  );
  return app;
}

/** Everything needed to start one service, shared by its main.ts and its tests. */
export interface ServiceDefinition<C extends ServiceConfig> {
  info: ServiceInfo;
  loadConfig(env: NodeJS.ProcessEnv): C;
  module(config: C): DynamicModule;
  connect?: (app: INestApplication) => Promise<void>;
}

/** main.ts: start from the environment; on failure one readable sentence and exit 1. */
export function runService<C extends ServiceConfig>(definition: ServiceDefinition<C>): void {
  const start = async () => {
    const config = definition.loadConfig(process.env);
    const app = await bootstrapService({
      module: definition.module(config),
      config,
      info: definition.info,
      connect: definition.connect,
    });
    exitWithOwner(app, config.EXIT_WITH_PID);
  };
  start().catch((err: unknown) => {
    const reason = err instanceof Error ? err.message : String(err);
    process.stderr.write(`${definition.info.name} could not start: ${reason}\n`);
    process.exit(1);
  });
}

/** Shuts the service down gracefully once the process that started it is gone. */
function exitWithOwner(app: INestApplication, ownerPid: number | undefined): void {
  if (!ownerPid) return;
  const watch = setInterval(() => {
    try {
      process.kill(ownerPid, 0);
    } catch {
      clearInterval(watch);
      new Logger('lifecycle').warn(
        `process ${ownerPid} that started this service is gone; stopping`,
      );
      void app.close().finally(() => process.exit(0));
    }
  }, 1000);
  watch.unref();
}
