import { request as httpRequest, IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Request, Response } from 'express';
import { GatewayService } from '../config/web-gateway.config';

/** Headers that belong to one connection, never forwarded (RFC 9110, section 7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

function forwardable(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())),
  );
}

/** The API's error shape, so that the console shows it like any other error. */
function unavailable(res: Response, service: string) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(502).json({
    statusCode: 502,
    code: 'GATEWAY.SERVICE_UNAVAILABLE',
    message: `Dịch vụ ${service} tạm thời không trả lời; xin thử lại sau ít phút.`,
  });
}

/** Where `/api/<service>/<path>?<query>` goes, or null for an unknown service. */
export function upstreamUrl(
  services: Record<GatewayService, string>,
  pathAndQuery: string,
): URL | null {
  const match = /^\/([a-z-]+)(\/[^?]*)?(\?.*)?$/.exec(pathAndQuery);
  if (!match || !Object.hasOwn(services, match[1])) return null;
  const base = services[match[1] as GatewayService];
  // No "..": a path never climbs out of the service's root.
  const path = match[2] ?? '/';
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  return new URL(`${base}${path}${match[3] ?? ''}`);
}

/** Streams one request to `target` and the answer back; `label` names the service in errors. */
function forward(req: Request, res: Response, target: URL, timeoutMs: number, label: string) {
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress]
    .filter(Boolean)
    .join(', ');
  const upstream = send(
    target,
    {
      method: req.method,
      headers: {
        ...forwardable(req.headers),
        host: target.host,
        'x-forwarded-for': forwardedFor,
        'x-forwarded-proto': req.protocol,
      },
      timeout: timeoutMs,
    },
    (answer: IncomingMessage) => {
      res.status(answer.statusCode ?? 502);
      for (const [name, value] of Object.entries(forwardable(answer.headers)))
        if (value !== undefined) res.setHeader(name, value);
      answer.pipe(res);
    },
  );
  upstream.on('timeout', () => upstream.destroy(new Error('upstream timeout')));
  upstream.on('error', () => unavailable(res, label));
  req.pipe(upstream);
}

function notFound(res: Response) {
  res.status(404).json({
    statusCode: 404,
    code: 'GATEWAY.NO_SUCH_SERVICE',
    message: 'Không có dịch vụ này.',
  });
}

/**
 * Streams a request under /api/<service>/ to that service and its answer back, so that the
 * browser needs one origin only (no CORS). The bearer token goes through untouched and is
 * never logged; the services see the browser's address in X-Forwarded-For.
 */
export function apiProxy(services: Record<GatewayService, string>, timeoutMs: number) {
  return (req: Request, res: Response) => {
    const target = upstreamUrl(services, req.url);
    if (!target) return notFound(res);
    forward(req, res, target, timeoutMs, req.url.split(/[/?]/)[1]);
  };
}

/** The identity provider's endpoints the browser calls with fetch (not navigations). */
const OIDC_PATHS =
  /^\/(\.well-known\/openid-configuration|protocol\/openid-connect\/(token|certs|userinfo|revoke))(\?.*)?$/;

/**
 * The identity provider's discovery document and token endpoint at this origin (/oidc/…):
 * the browser exchanges its authorization code and refreshes its tokens here, so that the
 * identity provider needs no CORS rule for the portal's origin (Keycloak derives none from
 * the realm's wildcard-port redirect URIs). The login page itself is a navigation to the
 * identity provider, never proxied.
 */
export function identityProviderProxy(issuer: string, timeoutMs: number) {
  return (req: Request, res: Response) => {
    if (!OIDC_PATHS.test(req.url)) return notFound(res);
    forward(req, res, new URL(`${issuer}${req.url}`), timeoutMs, 'đăng nhập');
  };
}
