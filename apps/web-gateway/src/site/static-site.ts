import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { NextFunction, Request, Response, Router } from 'express';

/**
 * The built web application: hashed assets cached for a year, index.html never (a new build
 * is seen at once), and every other GET path answered with index.html, since the router of
 * the application runs in the browser (/tra-cuu, /ho-so/…).
 */
export function staticSite(dir: string): Router {
  const router = Router();
  const index = join(dir, 'index.html');
  router.use(
    '/assets',
    express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  router.use(express.static(dir, { index: false, maxAge: 0 }));
  router.get('/{*path}', (req: Request, res: Response, next: NextFunction) => {
    if (!req.accepts('html')) return next();
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('Ứng dụng web chưa được dựng: chạy npm run build (npm start tự làm việc này).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
