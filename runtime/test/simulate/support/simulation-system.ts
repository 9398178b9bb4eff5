import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import { createVirtualClock, systemClock } from '../../../src/clock/index.ts';
import { createApp } from '../../../src/http/app.ts';
import { createRuntime, type Runtime } from '../../../src/runtime.ts';
import { seedWorkflows } from '../../../src/seed/seed-workflows.ts';
import { createTestDatabase, testRedis, type TestDatabase } from '../../support/index.ts';

/** Monday 2 March 2026, 09:30 in Shanghai: a working morning on `cn-mainland`. */
export const MONDAY_MORNING = new Date('2026-03-02T09:30:00+08:00');

/** The intake API key the test systems accept. */
export const TEST_API_KEY = 'simulation-test-portal-key';

/** A running Tongban for one test: its own database and queue prefix, the real HTTP server on a free port. */
export interface SimulationSystem {
  url: string;
  database: TestDatabase;
  runtime: Runtime;
  close(): Promise<void>;
}

/**
 * Starts what `tongban start --virtual-clock` starts, on the test harness's PostgreSQL and Redis:
 * a fresh seeded database with the shipped workflows published, the runtime with its timer
 * workers on a virtual clock at {@link MONDAY_MORNING} (or the system clock), and
 * `@hono/node-server` serving `createApp` on 127.0.0.1 at a free port.
 */
export async function startSimulationSystem(options: { virtualClock?: boolean } = {}): Promise<SimulationSystem> {
  const database = await createTestDatabase({ max: 20 });
  const redis = testRedis();
  const clock = options.virtualClock === false ? systemClock : await createVirtualClock(database.db, MONDAY_MORNING);
  await seedWorkflows(database.db, { now: clock.now() });
  const runtime = await createRuntime({
    db: database.db,
    redisUrl: redis.url,
    queuePrefix: redis.prefix,
    clock,
    logger: { info: () => undefined, error: (message, error) => console.error(message, error) },
  });
  await runtime.startWorkers();
  const app = createApp(runtime, { intakeApiKeys: [TEST_API_KEY] });
  const server = await new Promise<ServerType>((resolve) => {
    const started: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    database,
    runtime,
    async close() {
      const http = server as import('node:http').Server;
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
      await runtime.stop();
      await database.close();
    },
  };
}
