import express from 'express';
import { GATEWAY_SERVICES, WebGatewayConfig } from './config/web-gateway.config';
import { GatewayHealth, healthRoutes } from './health/gateway-health';
import { apiProxy, identityProviderProxy } from './proxy/api-proxy';
import { securityHeaders } from './site/security-headers';
import { staticSite } from './site/static-site';

/**
 * What the browser needs to know at run time: the issuer (tokens name it; the login page is
 * there), the client, where this origin relays the identity provider's endpoints, which APIs exist.
 */
export function browserConfig(config: WebGatewayConfig) {
  return {
    issuer: config.issuer,
    clientId: config.clientId,
    oidcProxyPath: '/oidc',
    services: Object.keys(GATEWAY_SERVICES),
  };
}

/**
 * One origin for the officer console and the citizen portal: the static application, its
 * run-time configuration, and each service's API under /api/<service>/.
 */
export function createGateway(config: WebGatewayConfig, health = new GatewayHealth(config)) {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders(config.issuer));
  app.use('/health', healthRoutes(health));
  app.get('/config.json', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(browserConfig(config));
  });
  // No body parser before the proxy: bodies are streamed to the service as they come.
  app.use('/api', apiProxy(config.services, config.upstreamTimeoutMs));
  app.use('/oidc', identityProviderProxy(config.issuer, config.upstreamTimeoutMs));
  app.use(staticSite(config.staticDir));
  return app;
}
