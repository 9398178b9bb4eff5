import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { describe, expect, it } from 'vitest';
import { ConflictError, TongbanError } from '../../errors/index.ts';
import { errorHandler } from './error-handler.ts';

function appThrowing(error: unknown, logged: unknown[] = []) {
  const app = new Hono();
  app.onError(errorHandler({ logger: { error: (message, context) => logged.push({ message, context }) } }));
  app.get('/', () => {
    throw error;
  });
  return app;
}

describe('errorHandler', () => {
  it('should answer a TongbanError with its status, code, message and details', async () => {
    const logged: unknown[] = [];
    const response = await appThrowing(new ConflictError('task-not-open', "Task 't1' is no longer open", { taskId: 't1' }), logged).request('/');
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: { code: 'task-not-open', message: "Task 't1' is no longer open", details: { taskId: 't1' } },
    });
    expect(logged).toEqual([]);
  });

  it('should log a TongbanError whose status is 5xx', async () => {
    const logged: { message: string }[] = [];
    const response = await appThrowing(new TongbanError('queue-unavailable', 503, 'Redis is not reachable'), logged).request('/');
    expect(response.status).toBe(503);
    expect(logged).toHaveLength(1);
    expect(logged[0]?.message).toContain('queue-unavailable');
  });

  it('should answer 503 database-unavailable with Retry-After when the database refused or dropped the connection, wrapped or not', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const wrapped = new Error('Failed query: select 1', { cause: refused });
    const restarting = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const cut = Object.assign(new Error('connection failure during authentication'), { code: '08006' });
    for (const error of [refused, wrapped, restarting, cut]) {
      const response = await appThrowing(error).request('/');
      expect(response.status).toBe(503);
      expect(response.headers.get('Retry-After')).toBe('5');
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('database-unavailable');
    }
  });

  it('should answer 500 internal for a pool the process itself closed, or a query the database refused', async () => {
    const ended = Object.assign(new Error('write CONNECTION_ENDED'), { code: 'CONNECTION_ENDED' });
    const syntax = Object.assign(new Error('syntax error at or near "selec"'), { code: '42601' });
    for (const error of [ended, syntax]) {
      const response = await appThrowing(error).request('/');
      expect(response.status).toBe(500);
      expect(response.headers.get('Retry-After')).toBeNull();
    }
  });

  it('should answer an HTTPException with its status and a code for it', async () => {
    const response = await appThrowing(new HTTPException(415, { message: 'Unsupported Media Type' })).request('/');
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      error: { code: 'unsupported-media-type', message: 'Unsupported Media Type', details: null },
    });
  });

  it('should answer anything else 500 internal, quoting only a reference', async () => {
    const logged: { context: { reference: string } }[] = [];
    const response = await appThrowing(new Error('password=hunter2 in /srv/secret.ts'), logged).request('/');
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; details: { reference: string } } };
    expect(body.error.code).toBe('internal');
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(body.error.details.reference).toBe(logged[0]?.context.reference);
  });

  it('should answer and log the request id of a 500 with its reference, and keep the X-Request-Id header on the error', async () => {
    const logged: { context: { reference: string; requestId: string } }[] = [];
    const app = new Hono();
    app.onError(errorHandler({ logger: { error: (message, context) => logged.push({ context: context as { reference: string; requestId: string } }) } }));
    app.use(requestId());
    app.get('/', () => {
      throw new Error('boom');
    });
    const response = await app.request('/', { headers: { 'X-Request-Id': 'gateway-7f3a' } });
    expect(response.status).toBe(500);
    expect(response.headers.get('x-request-id')).toBe('gateway-7f3a');
    const body = (await response.json()) as { error: { details: { reference: string; requestId: string } } };
    expect(body.error.details).toEqual({ reference: logged[0]?.context.reference, requestId: 'gateway-7f3a' });
    expect(logged[0]?.context.requestId).toBe('gateway-7f3a');
  });
});
