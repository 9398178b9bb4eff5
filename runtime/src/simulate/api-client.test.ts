import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './api-client.ts';
import { ApiRequestError, ApiUnreachableError } from './errors/index.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base: string;
const seen: Seen[] = [];
let flaky = 0;

/** A small HTTP server that answers as the Tongban API does for the paths the tests use. */
function answer(req: IncomingMessage, res: ServerResponse, body: string): void {
  seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
  const json = (status: number, value: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  if (req.url === '/api/v1/echo') return json(200, { got: JSON.parse(body || '{}') });
  if (req.url === '/api/v1/conflict') return json(409, { error: { code: 'task-not-open', message: "Task 't1' is no longer open", details: {} } });
  if (req.url === '/api/v1/flaky') {
    flaky += 1;
    return flaky % 2 === 1 ? json(503, { error: { code: 'unavailable', message: 'try again' } }) : json(200, { ok: true });
  }
  if (req.url === '/api/v1/slow') return void setTimeout(() => json(200, {}), 500);
  if (req.url === '/api/v1/empty') {
    res.writeHead(204);
    return void res.end();
  }
  json(404, { error: { code: 'route-not-found', message: `No route answers ${req.method} ${req.url}` } });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => answer(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('ApiClient', () => {
  it('sends JSON with a bearer token or an API key below /api/v1 and parses the answer', async () => {
    const api = new ApiClient({ baseUrl: `${base}/api/v1/` });
    await expect(api.post('/echo', { as: { token: 'tok' }, body: { a: 1 } })).resolves.toEqual({ got: { a: 1 } });
    await api.get('/echo', { as: { apiKey: 'key' } });
    const [post, get] = seen.slice(-2);
    expect(post).toMatchObject({ method: 'POST', url: '/api/v1/echo', body: '{"a":1}' });
    expect(post?.headers).toMatchObject({ authorization: 'Bearer tok', 'content-type': 'application/json' });
    expect(get?.headers['x-api-key']).toBe('key');
    await expect(api.post('/empty')).resolves.toBeUndefined();
  });

  it('turns an error answer into an ApiRequestError with the status and the code of the body', async () => {
    const api = new ApiClient({ baseUrl: base });
    const error = await api.post('/conflict', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ code: 'api-request-failed', status: 409, apiCode: 'task-not-open' });
    expect((error as Error).message).toBe("POST /api/v1/conflict answered 409 task-not-open: Task 't1' is no longer open");
    expect(api.stats.conflicts).toBe(1);
  });

  it('repeats a GET after a 5xx, but not a POST without an idempotency key', async () => {
    const api = new ApiClient({ baseUrl: base });
    flaky = 0;
    await expect(api.get('/flaky')).resolves.toEqual({ ok: true });
    expect(api.stats.retries).toBe(1);
    flaky = 0;
    await expect(api.post('/flaky', { body: {} })).rejects.toMatchObject({ status: 503 });
    flaky = 0;
    await expect(api.post('/flaky', { body: {}, headers: { 'Idempotency-Key': 'k1' } })).resolves.toEqual({ ok: true });
    expect(api.stats.retries).toBe(2);
  });

  it('gives up with ApiUnreachableError when no answer comes in time', async () => {
    const api = new ApiClient({ baseUrl: base, timeoutMs: 100, attempts: 1 });
    const error = await api.get('/slow').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiUnreachableError);
    expect((error as Error).message).toContain('no answer within 100 ms');
  });

  it('says where it looked when nothing listens there', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const api = new ApiClient({ baseUrl: `http://127.0.0.1:${port}`, attempts: 1 });
    const error = await api.get('/clock').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'api-unreachable' });
    expect((error as Error).message).toContain(`GET http://127.0.0.1:${port}/api/v1/clock got no answer (ECONNREFUSED)`);
  });
});
