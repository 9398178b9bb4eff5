import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock/index.ts';
import { createDb } from '../../src/db/client.ts';
import { createApp } from '../../src/http/app.ts';
import { createRuntime } from '../../src/runtime.ts';
import { testRedis } from '../support/index.ts';
import { startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import { DEMO_PASSWORD, httpTestClient } from './support/http-test-client.ts';
import type { HttpTestClient } from './support/http-test-client.ts';

let harness: HttpHarness;
let consoleDir: string;
let client: HttpTestClient;

beforeAll(async () => {
  harness = await startHttp();
  consoleDir = await mkdtemp(path.join(tmpdir(), 'tongban-console-'));
  await mkdir(path.join(consoleDir, 'assets'));
  await writeFile(path.join(consoleDir, 'index.html'), '<!doctype html><title>通办</title><div id="root"></div>');
  await writeFile(path.join(consoleDir, 'assets', 'app.js'), 'console.log("tongban")');
  client = httpTestClient(createApp(harness.runtime, { intakeApiKeys: [], consoleDir }));
});

afterAll(async () => {
  await harness.close();
  await rm(consoleDir, { recursive: true, force: true });
});

describe('the console', () => {
  it('serves index.html at /', async () => {
    const response = await client.send('GET', '/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.text).toContain('<div id="root">');
  });

  it('serves the files of its build', async () => {
    const response = await client.send('GET', '/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(response.text).toBe('console.log("tongban")');
  });

  it('answers index.html for its own routes, so a reload keeps the page', async () => {
    const response = await client.send('GET', '/tasks/some-task');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<div id="root">');
  });

  it('never answers for an unknown /api path, which gets a JSON 404', async () => {
    for (const target of ['/api/v1/nothing-here', '/api/v2/me', '/api']) {
      const response = await client.send('GET', target);
      expect(response.status, target).toBe(404);
      expect(response.body.error.code).toBe('route-not-found');
    }
  });
});

describe('the API without a console', () => {
  it('answers a JSON 404 for paths outside the API', async () => {
    const apiOnly = httpTestClient(createApp(harness.runtime, { intakeApiKeys: [] }));
    const response = await apiOnly.send('GET', '/tasks');
    expect(response.status).toBe(404);
    expect(response.body.error).toEqual({ code: 'route-not-found', message: 'No route answers GET /tasks', details: null });
  });
});

describe('an unexpected error', () => {
  it('answers 500 internal with a reference, logs the error and leaks none of it', async () => {
    const broken = createDb(harness.database.url, { max: 1 });
    await broken.close();
    const redis = testRedis();
    const runtime = await createRuntime({ db: broken.db, redisUrl: redis.url, queuePrefix: redis.prefix, clock: systemClock });
    const logged: { message: string; context: Record<string, unknown> }[] = [];
    const app = createApp(runtime, {
      intakeApiKeys: [],
      logger: { error: (message, context) => logged.push({ message, context }) },
    });
    const response = await httpTestClient(app).send('POST', '/api/v1/auth/login', { username: 'admin', password: DEMO_PASSWORD });
    await runtime.stop();
    expect(response.status).toBe(500);
    expect(response.body.error.code).toBe('internal');
    const reference = response.body.error.details.reference;
    expect(response.body.error.message).toBe(`An internal error occurred (reference ${reference})`);
    expect(response.text).not.toMatch(/postgres|CONNECTION|select|stack/i);
    expect(logged).toHaveLength(1);
    expect(logged[0]?.context.reference).toBe(reference);
    expect(logged[0]?.context.error).toMatchObject({ class: 'DrizzleQueryError', message: expect.any(String) });
  });
});
