import { join } from 'node:path';

/**
 * Every variable the gateway reads, with its default. Properties of a class, as the
 * services' config classes, so that the deployment check (tools/checks/deploy.mjs) knows
 * which variables a compose file or manifest may set for the gateway and which default to
 * loopback; `loadWebGatewayConfig` reads nothing else.
 */
export class WebGatewayEnv {
  PORT = '8080';
  /** Loopback unless a deployment opens it, as the services do. */
  HOST = '127.0.0.1';
  /** The identity provider's issuer as the browser reaches it. */
  OIDC_ISSUER_URL = 'http://127.0.0.1:8180/realms/lien-thong';
  OIDC_CLIENT_ID = 'lien-thong-web';
  API_LAND_REGISTRY_URL = 'http://127.0.0.1:3000';
  API_SECURED_TRANSACTIONS_URL = 'http://127.0.0.1:3001';
  API_TAX_OBLIGATION_URL = 'http://127.0.0.1:3002';
  API_NOTIFICATION_URL = 'http://127.0.0.1:3003';
  API_CONSTRUCTION_URL = 'http://127.0.0.1:3004';
  /** The built web application; dist/web beside the compiled gateway by default. */
  WEB_STATIC_DIR?: string;
  UPSTREAM_TIMEOUT_MS = '30000';
  /** Readiness answers 503 this long after SIGTERM before the gateway stops (as the services). */
  SHUTDOWN_GRACE_MS = '0';
  /** npm start: the process that started the gateway. */
  EXIT_WITH_PID?: string;
}
type Variable = keyof WebGatewayEnv;

/** The services whose APIs the browser reaches at /api/<name>/…, and where each one is. */
export const GATEWAY_SERVICES = {
  'land-registry': 'API_LAND_REGISTRY_URL',
  'secured-transactions': 'API_SECURED_TRANSACTIONS_URL',
  'tax-obligation': 'API_TAX_OBLIGATION_URL',
  notification: 'API_NOTIFICATION_URL',
  construction: 'API_CONSTRUCTION_URL',
} as const satisfies Record<string, Variable>;
export type GatewayService = keyof typeof GATEWAY_SERVICES;

/** Everything the gateway reads from its environment, checked at boot. */
export interface WebGatewayConfig {
  port: number;
  host: string;
  /** The identity provider's issuer as the browser reaches it (OIDC_ISSUER_URL). */
  issuer: string;
  /** The public OIDC client of the console and portal (PKCE, no secret). */
  clientId: string;
  /** Where each service's API is: API_<NAME>_URL, else 127.0.0.1 and its default port. */
  services: Record<GatewayService, string>;
  /** The built web application (vite build): dist/web by default. */
  staticDir: string;
  /** How long a proxied call may take before the browser is told the service did not answer. */
  upstreamTimeoutMs: number;
  /** How long readiness answers 503 after SIGTERM before the server closes. */
  shutdownGraceMs: number;
  /** The process that started the gateway: when it is gone, the gateway stops too. */
  exitWithPid?: number;
}

export class WebGatewayConfigException extends Error {
  readonly code = 'CONFIG.INVALID';
}

const HTTP_URL = /^https?:\/\/[^\s/]+(\/\S*)?$/;

function url(name: string, value: string, problems: string[]): string {
  if (!HTTP_URL.test(value)) problems.push(`${name} must be an http(s) URL`);
  return value.replace(/\/+$/, '');
}

function integer(name: string, value: string, min: number, max: number, problems: string[]) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    problems.push(`${name} must be an integer from ${min} to ${max}`);
  return n;
}

export function loadWebGatewayConfig(env: NodeJS.ProcessEnv = process.env): WebGatewayConfig {
  const defaults = new WebGatewayEnv();
  const read = (name: Variable): string | undefined => env[name] || defaults[name];
  const problems: string[] = [];
  const services = Object.fromEntries(
    Object.entries(GATEWAY_SERVICES).map(([name, variable]) => [
      name,
      url(variable, read(variable) ?? '', problems),
    ]),
  ) as Record<GatewayService, string>;
  const exitWithPid = read('EXIT_WITH_PID');
  const config: WebGatewayConfig = {
    port: integer('PORT', read('PORT') ?? '', 1, 65535, problems),
    host: read('HOST') ?? '',
    issuer: url('OIDC_ISSUER_URL', read('OIDC_ISSUER_URL') ?? '', problems),
    clientId: read('OIDC_CLIENT_ID') ?? '',
    services,
    // dist/apps/web-gateway/src/config → dist/web
    staticDir: read('WEB_STATIC_DIR') ?? join(__dirname, '../../../../web'),
    upstreamTimeoutMs: integer(
      'UPSTREAM_TIMEOUT_MS',
      read('UPSTREAM_TIMEOUT_MS') ?? '',
      100,
      600_000,
      problems,
    ),
    shutdownGraceMs: integer(
      'SHUTDOWN_GRACE_MS',
      read('SHUTDOWN_GRACE_MS') ?? '',
      0,
      120_000,
      problems,
    ),
    ...(exitWithPid
      ? { exitWithPid: integer('EXIT_WITH_PID', exitWithPid, 1, 2 ** 31, problems) }
      : {}),
  };
  if (problems.length > 0)
    throw new WebGatewayConfigException(`Invalid configuration: ${problems.join('; ')}`);
  return config;
}
