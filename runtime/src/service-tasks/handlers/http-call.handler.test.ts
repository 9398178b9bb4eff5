import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceRequest } from '../service-handler.ts';
import { httpCallHandler } from './http-call.handler.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base: string;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const path = (req.url ?? '').split('?')[0];
      if (path === '/ok') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ registered: true, ref: 'R-1' }));
      if (path === '/empty') return void res.writeHead(204).end();
      if (path === '/busy') return void res.writeHead(503).end('try later');
      if (path === '/wrong') return void res.writeHead(422).end('{"error":"bad shop"}');
      if (path === '/slow') return void setTimeout(() => res.writeHead(200).end('{}'), 2_000);
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function request(params: Record<string, unknown>, signal = new AbortController().signal): ServiceRequest {
  return {
    invocationId: 'c1.notify#1',
    attempt: 2,
    caseId: 'c1',
    nodeId: 'notify',
    service: 'http-call',
    params,
    data: { shopName: '豫园面馆', area: 40 },
    now: new Date('2026-03-02T01:00:00Z'),
    signal,
  };
}

describe('the http-call service', () => {
  it('posts the invocation and the case data with an idempotency key, and merges the JSON answer', async () => {
    const result = await httpCallHandler(request({ url: `${base}/ok`, headers: { 'x-client': 'tongban' } }));
    expect(result).toEqual({ data: { registered: true, ref: 'R-1' } });
    const call = seen.at(-1)!;
    expect(call.method).toBe('POST');
    expect(call.headers['idempotency-key']).toBe('c1.notify#1');
    expect(call.headers['x-client']).toBe('tongban');
    expect(JSON.parse(call.body)).toEqual({ invocationId: 'c1.notify#1', caseId: 'c1', nodeId: 'notify', data: { shopName: '豫园面馆', area: 40 } });
  });

  it('sends only the named fields and puts the answer under resultField', async () => {
    const result = await httpCallHandler(request({ url: `${base}/ok`, fields: ['area', 'absent'], resultField: 'registry' }));
    expect(result).toEqual({ data: { registry: { registered: true, ref: 'R-1' } } });
    expect(JSON.parse(seen.at(-1)!.body).data).toEqual({ area: 40 });
  });

  it('fills the URL’s placeholders from case data, and fails permanently when the data lacks one', async () => {
    await httpCallHandler(request({ url: `${base}/ok?shop={shopName}`, method: 'GET' }));
    expect(seen.at(-1)!.url).toBe(`/ok?shop=${encodeURIComponent('豫园面馆')}`);
    await expect(httpCallHandler(request({ url: `${base}/ok/{licence}` }))).rejects.toMatchObject({ code: 'case-data-missing', message: expect.stringContaining('{licence}') });
  });

  it('sends no body with GET and adds nothing for an empty answer', async () => {
    expect(await httpCallHandler(request({ url: `${base}/empty`, method: 'get' }))).toEqual({ data: {} });
    expect(seen.at(-1)).toMatchObject({ method: 'GET', body: '' });
  });

  it('fails the attempt (to be retried) on a 5xx and on a timeout', async () => {
    await expect(httpCallHandler(request({ url: `${base}/busy` }))).rejects.toThrow(/answered 503: try later/);
    await expect(httpCallHandler(request({ url: `${base}/slow`, timeoutMs: 100 }))).rejects.toThrow(/longer than 100 ms/);
    const failure = await httpCallHandler(request({ url: `${base}/busy` })).catch((error: unknown) => error);
    expect((failure as Error).name).toBe('Error');
  });

  it('fails permanently on a 4xx answer and on parameters it cannot use', async () => {
    await expect(httpCallHandler(request({ url: `${base}/wrong` }))).rejects.toMatchObject({ code: 'http-rejected', message: expect.stringContaining('422') });
    await expect(httpCallHandler(request({}))).rejects.toMatchObject({ code: 'invalid-service-params', message: expect.stringContaining("'url'") });
    await expect(httpCallHandler(request({ url: 'ftp://example.org/x' }))).rejects.toMatchObject({ code: 'invalid-service-params' });
    await expect(httpCallHandler(request({ url: `${base}/ok`, method: 'TRACE' }))).rejects.toMatchObject({ code: 'invalid-service-params' });
    await expect(httpCallHandler(request({ url: `${base}/ok`, timeoutMs: 0 }))).rejects.toMatchObject({ code: 'invalid-service-params' });
  });

  it('stops when the attempt is aborted', async () => {
    const controller = new AbortController();
    const pending = httpCallHandler(request({ url: `${base}/slow` }, controller.signal));
    controller.abort();
    await expect(pending).rejects.toThrow(/longer than|failed/);
  });
});
