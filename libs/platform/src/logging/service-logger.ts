import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import { Logger, Params, PinoLogger } from 'nestjs-pino';
import { stdTimeFunctions, type LevelWithSilent, type LogFn } from 'pino';
import { pinoHttp, type HttpLogger, type Options } from 'pino-http';
import { currentContext, EventContext } from '../context/event-context';
import type { ServiceConfig } from '../config/service-config';
import type { ServiceInfo } from '../bootstrap/service-info';
import { maskForLog, maskLogText } from './log-masking';
import { LogDestination } from './log-destination';
import { traceFields } from '../telemetry/trace-fields';

/** Nest's level names (LOG_LEVEL) as pino's. */
const PINO_LEVEL: Record<ServiceConfig['LOG_LEVEL'], LevelWithSilent> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/** Polled every few seconds by orchestrators and scrapers: logged at debug only. */
const PROBES = /^\/(health(\/(live|ready))?|metrics)$/;

const REQUEST_CONTEXT = Symbol('lien-thong:request-context');
type ContextRequest = IncomingMessage & {
  [REQUEST_CONTEXT]?: EventContext;
  route?: { path?: unknown };
  path?: string;
};

/** Ties a request to the context it runs in (the access log line is written after it). */
export function attachRequestContext(req: IncomingMessage, context: EventContext): void {
  (req as ContextRequest)[REQUEST_CONTEXT] = context;
}

/** The fields of the current dossier, request or event that every log line carries. */
export function contextFields(context: EventContext | undefined): Record<string, string> {
  if (!context) return {};
  return {
    correlationId: context.correlationId,
    ...(context.eventId ? { eventId: context.eventId } : {}),
    ...(context.dossierKey ? { dossierCode: context.dossierKey } : {}),
    ...(context.user ? { user: context.user } : {}),
    ...traceFields(),
  };
}

/**
 * The route pattern ("/dossiers/:code"), never the URL: a query string may carry a tracking
 * secret, a path a citizen ID (population look-ups) or whatever a prober typed.
 */
function routeOf(req: ContextRequest): string {
  const path = req.route?.path;
  return typeof path === 'string' ? path : '(no route)';
}

function accessFields(req: ContextRequest, res: ServerResponse, durationMs: number) {
  return {
    ...contextFields(req[REQUEST_CONTEXT]),
    context: 'http',
    method: req.method,
    route: routeOf(req),
    status: res.statusCode,
    durationMs,
  };
}

function accessMessage(req: ContextRequest, res: ServerResponse, durationMs: number): string {
  return `${req.method} ${routeOf(req)} ${res.statusCode} ${durationMs} ms`;
}

/**
 * Masks every string argument (message, interpolated values) before pino sees it; an error
 * logged without a message gets its masked message as the line's message (pino would
 * otherwise copy it unmasked).
 */
function maskArguments(this: unknown, args: unknown[], method: LogFn): void {
  let [first, ...rest] = args;
  if (first instanceof Error) first = { err: first };
  const err = (first as { err?: unknown } | undefined)?.err;
  if (rest.length === 0 && err instanceof Error && typeof first === 'object') rest = [err.message];
  const masked = [first, ...rest].map((a) => (typeof a === 'string' ? maskLogText(a) : a));
  (method as (...a: unknown[]) => void).apply(this, masked);
}

let httpLogger: HttpLogger | undefined;

/**
 * The pino set-up of every service: one JSON line per entry with its level, ISO time,
 * service, the correlation id, dossier code and user (the identity provider's subject, never
 * a citizen ID) of what is being handled, personal data masked (log-masking.ts); and the
 * access log, a middleware that writes one line per HTTP request (method, route, status,
 * duration; no query, no body). One per process: the first service started in it sets it up.
 */
export function serviceHttpLogger(config: ServiceConfig, info: ServiceInfo): HttpLogger {
  const options: Options<ContextRequest, ServerResponse> = {
    level: PINO_LEVEL[config.LOG_LEVEL],
    base: { service: info.name, pid: process.pid, hostname: hostname() },
    timestamp: stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => maskForLog(object) as Record<string, unknown>,
    },
    hooks: { logMethod: maskArguments },
    mixin: () => contextFields(currentContext()),
    // Nothing of a request or response is bound to its log lines: the access line says
    // what is needed, and headers (tokens, cookies) or URLs (secrets) never appear.
    wrapSerializers: false,
    // Errors are already reduced to type, message and stack by the masking.
    serializers: { req: () => undefined, res: () => undefined, err: (err: unknown) => err },
    genReqId: (req) => req[REQUEST_CONTEXT]?.correlationId ?? randomUUID(),
    // 503 is an answer the service means (maintenance, stopping, a dependency down): a warning.
    customLogLevel: (req, res, err) =>
      err || (res.statusCode >= 500 && res.statusCode !== 503)
        ? 'error'
        : res.statusCode === 503
          ? 'warn'
          : PROBES.test((req.path ?? '').replace(/(.)\/$/, '$1'))
            ? 'debug'
            : 'info',
    customSuccessMessage: accessMessage,
    customSuccessObject: (req, res, value) =>
      accessFields(req, res, (value as { responseTime: number }).responseTime),
    customErrorMessage: (req, res) => `${req.method} ${routeOf(req)} ${res.statusCode}`,
    // pino-http makes up an error for a 5xx answer; the exception filter logged the real one.
    customErrorObject: (req, res, error, value) => ({
      ...accessFields(req, res, (value as { responseTime: number }).responseTime),
      ...(error.message.startsWith('failed with status code') ? {} : { err: error }),
    }),
  };
  httpLogger ??= pinoHttp(options, new LogDestination(config.LOG_FORMAT, config.LOG_FILE));
  return httpLogger;
}

/** nestjs-pino's parameters: its loggers write through the service's pino logger. */
export function loggerParams(config: ServiceConfig, info: ServiceInfo): Params {
  return { pinoHttp: { logger: serviceHttpLogger(config, info).logger }, useExisting: true };
}

/**
 * The Nest logger of a service, backed by nestjs-pino: passed to NestFactory.create so
 * that even the first lines of the start-up are structured and masked.
 */
export function createServiceLogger(params: Params): Logger {
  return new Logger(new PinoLogger(params), params);
}
