import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEgressDispatcher, EgressPolicy, type ResolveAll } from '../../egress/index.ts';
import type { ServiceHandler, ServiceRequest } from '../service-handler.ts';
import { createHttpCallHandler, HTTP_CALL_MAX_RESPONSE_BYTES } from './http-call.handler.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let port: number;
let base: string;
const seen: Seen[] = [];
/** Requests the receiver was reached by, counted as they arrive. */
let reached = 0;
/** Resolves when the receiver's endless answer was given up by the client. */
let endlessClosed: Promise<void> = Promise.resolve();

/** A JSON object of exactly `bytes` bytes. */
function jsonOf(bytes: number): string {
  return `{"pad":"${'x'.repeat(bytes - 10)}"}`;
}

/** A resolver in which every `*.example` name points at the loopback receiver, as a name in DNS pointing inside would. */
const inside: ResolveAll = (hostname, _options, callback) => {
  if (hostname.endsWith('.example')) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
};

const dispatchers: { close(): Promise<void> }[] = [];

/** The handler with `allowed` hosts let through besides public ones, names resolved by `resolve`. */
function handlerAllowing(allowed: readonly string[], resolve?: ResolveAll): ServiceHandler {
  const policy = EgressPolicy.allowing(allowed);
  const dispatcher = createEgressDispatcher(policy, resolve);
  dispatchers.push(dispatcher);
  return createHttpCallHandler({ policy, dispatcher });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    reached += 1;
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const path = (req.url ?? '').split('?')[0];
      if (path === '/ok') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ registered: true, ref: 'R-1' }));
      if (path === '/empty') return void res.writeHead(204).end();
      if (path === '/busy') return void res.writeHead(503).end('try later');
      if (path === '/busy-and-long') return void res.writeHead(503).end(`try later${'.'.repeat(4 * HTTP_CALL_MAX_RESPONSE_BYTES)}`);
      if (path === '/wrong') return void res.writeHead(422).end('{"error":"bad shop"}');
      if (path === '/slow') return void setTimeout(() => res.writeHead(200).end('{}'), 2_000);
      if (path === '/full') return void res.writeHead(200, { 'content-type': 'application/json' }).end(jsonOf(HTTP_CALL_MAX_RESPONSE_BYTES));
      if (path === '/over') return void res.writeHead(200, { 'content-type': 'application/json' }).end(jsonOf(HTTP_CALL_MAX_RESPONSE_BYTES + 1));
      if (path === '/zipped') {
        return void res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(jsonOf(8 * HTTP_CALL_MAX_RESPONSE_BYTES)));
      }
      if (path === '/endless') {
        endlessClosed = new Promise((resolve) => res.on('close', () => resolve()));
        const chunk = Buffer.alloc(64 * 1024, 'x');
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
        };
        res.writeHead(200, { 'content-type': 'application/json' });
        res.on('drain', pump);
        return void pump();
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await Promise.all(dispatchers.map((dispatcher) => dispatcher.close()));
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

/** The handler as an operator who allowed the test's receiver on 127.0.0.1 runs it. */
const httpCallHandler = handlerAllowing(['127.0.0.1']);

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

describe('where the http-call service may go', () => {
  const publicOnly = handlerAllowing([], inside);

  it('refuses a loopback, localhost or cloud-metadata URL without contacting it, naming the address and its range', async () => {
    const before = reached;
    for (const [url, address, range] of [
      [`${base}/ok`, '127.0.0.1', 'loopback'],
      [`http://localhost:${port}/ok`, 'localhost', 'loopback'],
      ['http://169.254.169.254/latest/meta-data/', '169.254.169.254', 'linkLocal'],
      ['http://[::ffff:10.0.0.8]/x', '10.0.0.8', 'private'],
    ]) {
      const failure = await publicOnly(request({ url })).catch((error: unknown) => error);
      expect(failure, url).toMatchObject({ name: 'PermanentServiceError', code: 'http-address-refused', message: expect.stringContaining(`refused: ${address} is a ${range} address`) });
      expect((failure as Error).message).toContain('TONGBAN_SERVICE_ALLOWED_HOSTS');
    }
    expect(reached).toBe(before);
  });

  it('refuses a host name that resolves only to a private address when connecting, and never reaches it', async () => {
    const before = reached;
    await expect(publicOnly(request({ url: `http://registry.example:${port}/ok` }))).rejects.toMatchObject({
      code: 'http-address-refused',
      message: expect.stringContaining("refused: 'registry.example' resolves to 127.0.0.1 (loopback)"),
    });
    expect(reached).toBe(before);
  });

  it('reaches a private host the operator allowed by name, address or range', async () => {
    for (const allowed of [['registry.example'], ['127.0.0.1'], ['127.0.0.0/8']]) {
      const handler = handlerAllowing(allowed, inside);
      expect(await handler(request({ url: `http://registry.example:${port}/ok` })), allowed[0]).toEqual({ data: { registered: true, ref: 'R-1' } });
    }
    expect(await handlerAllowing(['127.0.0.0/8'])(request({ url: `${base}/ok` }))).toEqual({ data: { registered: true, ref: 'R-1' } });
  });
});

describe('the answer the http-call service reads', () => {
  it('takes an answer of exactly 1 MiB', async () => {
    const result = await httpCallHandler(request({ url: `${base}/full` }));
    expect(String(result.data.pad)).toHaveLength(HTTP_CALL_MAX_RESPONSE_BYTES - 10);
  });

  it('fails permanently on an answer longer than 1 MiB, counted as it unpacks', async () => {
    for (const path of ['/over', '/zipped']) {
      await expect(httpCallHandler(request({ url: `${base}${path}` })), path).rejects.toMatchObject({
        code: 'http-response-too-large',
        message: expect.stringContaining(`POST ${base}${path} answered more than 1048576 bytes (1 MiB)`),
      });
    }
  });

  it('stops reading an answer without end at 1 MiB and gives up the connection', async () => {
    await expect(httpCallHandler(request({ url: `${base}/endless` }))).rejects.toMatchObject({ code: 'http-response-too-large' });
    await endlessClosed;
  });

  it('reads only the start of a failed answer, which stays a failure to retry', async () => {
    const failure = await httpCallHandler(request({ url: `${base}/busy-and-long` })).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'Error', message: `POST ${base}/busy-and-long answered 503: try later${'.'.repeat(191)}` });
  });
});
