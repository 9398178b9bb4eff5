import { Hono } from 'hono';
import type { Health } from './health.ts';

/**
 * `GET /healthz` (200 while the process lives) and `GET /readyz` (200 when every readiness check
 * passes, else 503 naming the failed ones), both JSON and never cached. Mounted at the root of the
 * HTTP port on `api` and `start`, outside `/api/v1`, and alone on `worker`'s health port.
 */
export function healthRoutes(health: Health): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(health.liveness(), 200);
  });
  app.get('/readyz', async (c) => {
    const report = await health.readiness();
    c.header('Cache-Control', 'no-store');
    return c.json(report, report.status === 'ready' ? 200 : 503);
  });
  return app;
}
