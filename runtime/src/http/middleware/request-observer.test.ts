import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { describe, expect, it } from 'vitest';
import type { HttpEnv } from '../http-env.ts';
import { requestObserver, type RequestLine } from './request-observer.ts';

function observedApp() {
  const lines: RequestLine[] = [];
  const app = new Hono<HttpEnv>();
  app.onError((_, c) => c.json({ error: 'boom' }, 500));
  app.use(requestId());
  app.use(requestObserver((line) => lines.push(line)));
  app.get('/api/v1/cases/:id', (c) => c.json({ id: c.req.param('id') }));
  app.post('/api/v1/tasks/:id/complete', (c) => {
    c.set('caseId', 'case-of-task');
    return c.json({});
  });
  app.get('/api/v1/fail/:id', () => {
    throw new Error('boom');
  });
  app.get('/console/*', (c) => c.text('page'));
  return { app, lines };
}

describe('requestObserver', () => {
  it('gives the route template and the ids the path names, never the path', async () => {
    const { app, lines } = observedApp();
    await app.request('/api/v1/cases/c-42', { headers: { 'X-Request-Id': 'r-1' } });
    await app.request('/api/v1/tasks/t-7/complete', { method: 'POST' });
    expect(lines[0]).toEqual({ requestId: 'r-1', method: 'GET', route: '/api/v1/cases/:id', status: 200, durationMs: expect.any(Number), caseId: 'c-42' });
    expect(lines[1]).toMatchObject({ route: '/api/v1/tasks/:id/complete', status: 200, taskId: 't-7', caseId: 'case-of-task' });
  });

  it('records a request whose handler threw with the status onError answered, and a path no route answers as unmatched', async () => {
    const { app, lines } = observedApp();
    await app.request('/api/v1/fail/x-1');
    await app.request('/no/such/page-9');
    expect(lines[0]).toMatchObject({ route: '/api/v1/fail/:id', status: 500 });
    expect(lines[0]).not.toHaveProperty('caseId');
    expect(lines[1]).toMatchObject({ route: 'unmatched', status: 404 });
    expect(JSON.stringify(lines[1])).not.toContain('page-9');
  });

  it('gives a wildcard route its template', async () => {
    const { app, lines } = observedApp();
    await app.request('/console/monitor/page-3');
    expect(lines[0]).toMatchObject({ route: '/console/*', status: 200 });
  });
});
