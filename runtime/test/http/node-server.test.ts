import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.ts';
import { startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import { DEMO_PASSWORD } from './support/http-test-client.ts';

let harness: HttpHarness;
let server: ServerType;
let port: number;

beforeAll(async () => {
  harness = await startHttp();
  const app = createApp(harness.runtime, { intakeApiKeys: [], maxBodyBytes: 4096 });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      port = info.port;
      resolve();
    });
  });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await harness.close();
});

/** Sends `chunks` as a chunked body (no Content-Length) and resolves the status and body. */
function postChunked(path: string, chunks: string[]): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('the API behind @hono/node-server', () => {
  it('reads a chunked body within the limit', async () => {
    const body = JSON.stringify({ username: 'admin', password: DEMO_PASSWORD });
    const response = await postChunked('/api/v1/auth/login', [body.slice(0, 10), body.slice(10)]);
    expect(response.status).toBe(200);
    expect(response.body.user.username).toBe('admin');
  });

  it('answers 413, not 500, to a chunked body over the limit', async () => {
    const response = await postChunked('/api/v1/auth/login', ['{"username":"', 'x'.repeat(3000), 'y'.repeat(3000), '"}']);
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('payload-too-large');
  });
});
