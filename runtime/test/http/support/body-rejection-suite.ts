import type postgres from 'postgres';
import { expect, it } from 'vitest';
import type { HttpTestClient, TestRequestOptions, TestResponse } from './http-test-client.ts';
import { rowCounts } from './row-counts.ts';

/** The route under test and what a well-formed request to it looks like. */
export interface BodyRoute {
  client: HttpTestClient;
  sql: postgres.Sql;
  method: string;
  path: string;
  /** Credentials that pass the route's access check. */
  options: TestRequestOptions;
  /** The body limit the app was created with, in bytes. */
  maxBodyBytes: number;
}

/** A JSON text of about `bytes` bytes that would be valid JSON if it were read. */
function bigJson(bytes: number): string {
  return JSON.stringify({ padding: 'x'.repeat(bytes) });
}

function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.subarray(offset, offset + 16_384));
      offset += 16_384;
    },
  });
}

async function expectRejected(route: BodyRoute, send: () => Promise<TestResponse>, status: number, code: string) {
  const before = await rowCounts(route.sql);
  const response = await send();
  expect(response.status, response.text).toBe(status);
  expect(response.body.error.code).toBe(code);
  expect(typeof response.body.error.message).toBe('string');
  expect(response.body.error).toHaveProperty('details');
  expect(await rowCounts(route.sql)).toEqual(before);
  return response;
}

/**
 * The tests every route with a JSON body must pass: malformed JSON, a number past the double
 * range, no content type, a wrong content type, and a body over the limit (by Content-Length, chunked, and with a non-numeric
 * Content-Length), each answered with the right 4xx and nothing written.
 */
export function itRejectsBadBodies(route: () => BodyRoute): void {
  it('answers 400 invalid-json to malformed JSON, writing nothing', async () => {
    const r = route();
    const response = await expectRejected(
      r,
      () => r.client.raw(r.method, r.path, { body: '{"oops": ', headers: { 'Content-Type': 'application/json' } }, r.options),
      400,
      'invalid-json',
    );
    expect(response.body.error.details.reason).toEqual(expect.any(String));
  });

  it('answers 400 invalid-json to a body nested 10,000 levels deep, writing nothing', async () => {
    const r = route();
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const response = await expectRejected(
      r,
      () => r.client.raw(r.method, r.path, { body: deep, headers: { 'Content-Type': 'application/json' } }, r.options),
      400,
      'invalid-json',
    );
    expect(response.body.error.message).toContain('64 levels');
  });

  it('answers 400 invalid-input naming the field to a number past the double range, writing nothing', async () => {
    const r = route();
    const response = await expectRejected(
      r,
      () => r.client.raw(r.method, r.path, { body: '{"huge": 1e309}', headers: { 'Content-Type': 'application/json' } }, r.options),
      400,
      'invalid-input',
    );
    expect(response.body.error.details.field).toBe('body.huge');
  });

  it('answers 400 invalid-json to an empty body, writing nothing', async () => {
    const r = route();
    await expectRejected(
      r,
      () => r.client.raw(r.method, r.path, { body: '', headers: { 'Content-Type': 'application/json' } }, r.options),
      400,
      'invalid-json',
    );
  });

  it('answers 415 when the request names no content type, writing nothing', async () => {
    const r = route();
    await expectRejected(
      r,
      () => r.client.raw(r.method, r.path, { body: new TextEncoder().encode('{}') }, r.options),
      415,
      'unsupported-media-type',
    );
  });

  it('answers 415 to a body that is not JSON, writing nothing', async () => {
    const r = route();
    const response = await expectRejected(
      r,
      () => r.client.raw(r.method, r.path, { body: 'a=1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, r.options),
      415,
      'unsupported-media-type',
    );
    expect(response.body.error.message).toContain('application/x-www-form-urlencoded');
  });

  it('answers 413 when Content-Length announces a body over the limit, writing nothing', async () => {
    const r = route();
    const body = bigJson(r.maxBodyBytes + 1);
    await expectRejected(
      r,
      () =>
        r.client.raw(
          r.method,
          r.path,
          { body, headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) } },
          r.options,
        ),
      413,
      'payload-too-large',
    );
  });

  it('answers 413 to a chunked body over the limit, writing nothing', async () => {
    const r = route();
    await expectRejected(
      r,
      () =>
        r.client.raw(
          r.method,
          r.path,
          {
            body: chunked(bigJson(r.maxBodyBytes + 1)),
            duplex: 'half',
            headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
          },
          r.options,
        ),
      413,
      'payload-too-large',
    );
  });

  it('answers 413 to a body over the limit behind a non-numeric Content-Length, writing nothing', async () => {
    const r = route();
    await expectRejected(
      r,
      () =>
        r.client.raw(
          r.method,
          r.path,
          { body: bigJson(r.maxBodyBytes + 1), headers: { 'Content-Type': 'application/json', 'Content-Length': 'abc' } },
          r.options,
        ),
      413,
      'payload-too-large',
    );
  });
}

/** Expects a 400 `invalid-input` whose details name `field` (e.g. `body.outcome`) among the issues. */
export function expectInvalidInput(response: TestResponse, field: string): void {
  expect(response.status, response.text).toBe(400);
  expect(response.body.error.code).toBe('invalid-input');
  const fields = (response.body.error.details.issues as { in: string; path: string }[]).map((issue) =>
    issue.path === '' ? issue.in : `${issue.in}.${issue.path}`,
  );
  expect(fields).toContain(field);
}
