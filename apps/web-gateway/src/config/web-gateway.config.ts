import { join } from 'node:path';

/** The services whose APIs the browser reaches at /api/<name>/…, with their default ports. */
export const GATEWAY_SERVICES = {
  'land-registry': 3000,
  'secured-transactions': 3001,
  'tax-obligation': 3002,
  notification: 3003,
  construction: 3004,
} as const;
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
  const problems: string[] = [];
  const services = Object.fromEntries(
    Object.entries(GATEWAY_SERVICES).map(([name, port]) => {
      const variable = `API_${name.toUpperCase().replace(/-/g, '_')}_URL`;
      return [name, url(variable, env[variable] || `http://127.0.0.1:${port}`, problems)];
    }),
  ) as Record<GatewayService, string>;
  const config: WebGatewayConfig = {
    port: integer('PORT', env.PORT || '8080', 1, 65535, problems),
    // Loopback unless a deployment opens it, as the services do.
    host: env.HOST || '127.0.0.1',
    issuer: url(
      'OIDC_ISSUER_URL',
      env.OIDC_ISSUER_URL || 'http://127.0.0.1:8180/realms/lien-thong',
      problems,
    ),
    clientId: env.OIDC_CLIENT_ID || 'lien-thong-web',
    services,
    // dist/apps/web-gateway/src/config → dist/web
    staticDir: env.WEB_STATIC_DIR || join(__dirname, '../../../../web'),
    upstreamTimeoutMs: integer(
      'UPSTREAM_TIMEOUT_MS',
      env.UPSTREAM_TIMEOUT_MS || '30000',
      100,
      600_000,
      problems,
    ),
    ...(env.EXIT_WITH_PID
      ? { exitWithPid: integer('EXIT_WITH_PID', env.EXIT_WITH_PID, 1, 2 ** 31, problems) }
      : {}),
  };
  if (problems.length > 0)
    throw new WebGatewayConfigException(`Invalid configuration: ${problems.join('; ')}`);
  return config;
}
