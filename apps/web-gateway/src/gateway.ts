import express from 'express';
import { GATEWAY_SERVICES, WebGatewayConfig } from './config/web-gateway.config';
import { apiProxy } from './proxy/api-proxy';
import { securityHeaders } from './site/security-headers';
import { staticSite } from './site/static-site';

/** What the browser needs to know at run time: where to log in, and which APIs exist. */
export function browserConfig(config: WebGatewayConfig) {
  return {
    issuer: config.issuer,
    clientId: config.clientId,
    services: Object.keys(GATEWAY_SERVICES),
  };
}

/**
 * One origin for the officer console and the citizen portal: the static application, its
 * run-time configuration, and each service's API under /api/<service>/.
 */
export function createGateway(config: WebGatewayConfig) {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders(config.issuer));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/config.json', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(browserConfig(config));
  });
  // No body parser before the proxy: bodies are streamed to the service as they come.
  app.use('/api', apiProxy(config.services, config.upstreamTimeoutMs));
  app.use(staticSite(config.staticDir));
  return app;
}
