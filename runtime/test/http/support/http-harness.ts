import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createVirtualClock, systemClock } from '../../../src/clock/index.ts';
import type { Clock } from '../../../src/clock/index.ts';
import { createApp } from '../../../src/http/app.ts';
import type { AppOptions } from '../../../src/http/app.ts';
import type { HttpEnv } from '../../../src/http/http-env.ts';
import { createRuntime } from '../../../src/runtime.ts';
import type { Runtime, RuntimeOptions } from '../../../src/runtime.ts';
import type { RegisteredService, ServiceHandler } from '../../../src/service-tasks/index.ts';
import { createTestDatabase, testRedis } from '../../support/index.ts';
import type { TestDatabase } from '../../support/index.ts';
import { httpTestClient } from './http-test-client.ts';
import type { HttpTestClient } from './http-test-client.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** Monday 2 March 2026, 09:00 in Shanghai: a working morning on `cn-mainland`. */
export const MONDAY_MORNING = new Date('2026-03-02T09:00:00+08:00');

/** The citizen portal's API key in every test app. */
export const PORTAL_KEY = 'portal-test-key';

/** A runtime and its HTTP app on a database and a Redis prefix of their own. */
export interface HttpHarness {
  database: TestDatabase;
  runtime: Runtime;
  clock: Clock;
  app: OpenAPIHono<HttpEnv>;
  client: HttpTestClient;
  /** The parsed JSON of `test/http/fixtures/<name>.json`. */
  fixture(name: string): Promise<Record<string, unknown>>;
  /** Publishes fixture `name` through the runtime; returns its version. */
  publish(name: string): Promise<number>;
  close(): Promise<void>;
}

/** Options of {@link startHttp}. */
export interface StartHttpOptions {
  /** Run on a virtual clock at {@link MONDAY_MORNING} (default) or on the system clock. */
  virtual?: boolean;
  /** Options of the app besides the portal key. */
  app?: Partial<AppOptions>;
  /** Service handlers besides the built-in ones. */
  services?: Record<string, ServiceHandler | RegisteredService>;
  /** How webhook deliveries are retried and timed out, and the private hosts they may reach (a local receiver). */
  webhooks?: Pick<RuntimeOptions, 'webhookRetry' | 'webhookTimeoutMs' | 'webhookAllowedHosts'>;
  /** What forecasts may take (default `DEFAULT_FORECAST_BUDGET`, which depends on the cores). */
  forecastBudget?: RuntimeOptions['forecastBudget'];
}

/** Starts a runtime (workers running) and its app for one test file. */
export async function startHttp(options: StartHttpOptions = {}): Promise<HttpHarness> {
  const database = await createTestDatabase({ max: 10 });
  const redis = testRedis();
  const clock = options.virtual === false ? systemClock : await createVirtualClock(database.db, MONDAY_MORNING);
  const runtime = await createRuntime({
    db: database.db,
    redisUrl: redis.url,
    queuePrefix: redis.prefix,
    clock,
    logger: { info: () => undefined, error: () => undefined },
    ...(options.services === undefined ? {} : { services: options.services }),
    ...options.webhooks,
    ...(options.forecastBudget === undefined ? {} : { forecastBudget: options.forecastBudget }),
  });
  await runtime.startWorkers();
  const app = createApp(runtime, { intakeApiKeys: [PORTAL_KEY], ...options.app });
  const fixture = async (name: string) => JSON.parse(await readFile(path.join(FIXTURES, `${name}.json`), 'utf8'));
  return {
    database,
    runtime,
    clock,
    app,
    client: httpTestClient(app),
    fixture,
    async publish(name) {
      return (await runtime.publishDefinition(await fixture(name), { publishedBy: null })).version;
    },
    async close() {
      await runtime.stop();
      await database.close();
    },
  };
}
