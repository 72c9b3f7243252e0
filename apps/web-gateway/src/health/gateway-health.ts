import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Router } from 'express';
import { WebGatewayConfig } from '../config/web-gateway.config';

type Check = { status: 'up' | 'down'; error?: string };

/** The probes' answer, in the shape the services' probes give (@nestjs/terminus). */
export interface ProbeReport {
  status: 'ok' | 'error' | 'shutting_down';
  details: Record<string, Check>;
}

/**
 * Liveness and readiness of the gateway, as the services have them (Dockerfile HEALTHCHECK,
 * Kubernetes probes). Ready: the built application is there (an image or volume without
 * dist/web would answer every page with 503) and the land registry, whose API every page
 * of the portal and console starts with, answers its liveness route. Cheap on purpose: one
 * stat and one small request per probe; the identity provider and the other services are
 * not checked (a page works without them, and their outage is told in Vietnamese by the
 * proxy, which an unready gateway could not do).
 */
export class GatewayHealth {
  private stopping = false;

  constructor(
    private readonly config: Pick<WebGatewayConfig, 'staticDir' | 'services'>,
    private readonly timeoutMs = 2000,
  ) {}

  /** SIGTERM: readiness answers 503 from now on, so the load balancer stops sending. */
  stop() {
    this.stopping = true;
  }

  live(): ProbeReport {
    if (this.stopping) return { status: 'shutting_down', details: {} };
    return { status: 'ok', details: { process: { status: 'up' } } };
  }

  async ready(): Promise<ProbeReport> {
    if (this.stopping) return { status: 'shutting_down', details: {} };
    const details: Record<string, Check> = {
      site: existsSync(join(this.config.staticDir, 'index.html'))
        ? { status: 'up' }
        : { status: 'down', error: 'index.html is missing (npm run build)' },
      'land-registry': await this.answers(`${this.config.services['land-registry']}/health/live`),
    };
    const up = Object.values(details).every((c) => c.status === 'up');
    return { status: up ? 'ok' : 'error', details };
  }

  private async answers(url: string): Promise<Check> {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
      await res.body?.cancel();
      return res.ok ? { status: 'up' } : { status: 'down', error: `HTTP ${res.status}` };
    } catch (err) {
      const timedOut = err instanceof Error && err.name === 'TimeoutError';
      return { status: 'down', error: timedOut ? 'no answer in time' : 'unreachable' };
    }
  }
}

/** GET /health (npm start waits for it), /health/live and /health/ready. */
export function healthRoutes(health: GatewayHealth): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/live', (_req, res) => {
    const report = health.live();
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  });
  router.get('/ready', async (_req, res) => {
    const report = await health.ready();
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  });
  return router;
}
