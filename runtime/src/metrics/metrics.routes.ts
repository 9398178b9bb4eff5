import { Hono } from 'hono';
import type { TongbanMetrics } from './tongban-metrics.ts';

/**
 * `GET /metrics`: the process's metrics in Prometheus text format, never cached. Mounted beside
 * `/healthz` and `/readyz`: at the root of the HTTP port on `api` and `start`, and on `worker`'s
 * health port. Unauthenticated, like the health endpoints: keep the port off the public network.
 */
export function metricsRoutes(metrics: TongbanMetrics): Hono {
  const app = new Hono();
  app.get('/metrics', async (c) => {
    const body = await metrics.exposition();
    return c.body(body, 200, { 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' });
  });
  return app;
}
