import { describe, expect, it } from 'vitest';
import { healthRoutes } from './health.routes.ts';
import { Health } from './health.ts';

const ok = async () => undefined;

describe('Health', () => {
  it('is ready when every check passes', async () => {
    const health = new Health({ role: 'api', checks: [{ name: 'postgres', check: ok }, { name: 'redis', check: ok }] });
    expect(await health.readiness()).toEqual({
      status: 'ready',
      role: 'api',
      checks: { shutdown: { status: 'ok' }, postgres: { status: 'ok' }, redis: { status: 'ok' } },
      failed: [],
    });
  });

  it('names each failed check with its message, and a check that does not answer in time', async () => {
    const health = new Health({
      role: 'worker',
      timeoutMs: 50,
      checks: [
        { name: 'postgres', check: ok },
        { name: 'redis', check: () => Promise.reject(new Error('Connection is closed.')) },
        { name: 'migrations', check: () => new Promise(() => undefined) },
      ],
    });
    const report = await health.readiness();
    expect(report.status).toBe('not-ready');
    expect(report.failed).toEqual(['redis', 'migrations']);
    expect(report.checks.redis).toEqual({ status: 'failed', message: 'Connection is closed.' });
    expect(report.checks.migrations).toEqual({ status: 'failed', message: 'no answer within 50 ms' });
  });

  it('is not ready once the shutdown began, though it still lives', async () => {
    const health = new Health({ role: 'start', checks: [] });
    health.markShuttingDown();
    expect(await health.readiness()).toMatchObject({ status: 'not-ready', failed: ['shutdown'] });
    expect(health.liveness()).toMatchObject({ status: 'ok', role: 'start', pid: process.pid });
  });
});

describe('healthRoutes', () => {
  it('answers /healthz 200 and /readyz 200 or 503, never cached', async () => {
    const health = new Health({ role: 'api', checks: [] });
    const app = healthRoutes(health);
    const live = await app.request('/healthz');
    expect(live.status).toBe(200);
    expect(live.headers.get('cache-control')).toBe('no-store');
    expect((await app.request('/readyz')).status).toBe(200);
    health.markShuttingDown();
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'not-ready', failed: ['shutdown'] });
  });
});
