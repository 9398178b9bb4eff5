import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createVirtualClock, systemClock, type Clock } from '../../../src/clock/index.ts';
import { departments, users } from '../../../src/db/schema/index.ts';
import { publishDefinition } from '../../../src/definitions/index.ts';
import type { Viewer } from '../../../src/organisation/index.ts';
import { createRuntime, type Runtime } from '../../../src/runtime.ts';
import type { RegisteredService, ServiceHandler } from '../../../src/service-tasks/index.ts';
import { TIMER_QUEUE_NAME } from '../../../src/queues/index.ts';
import { createTestDatabase, testRedis, type TestDatabase } from '../../support/index.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** Monday 2 March 2026, 09:00 in Shanghai: a working morning on `cn-mainland`. */
export const MONDAY_MORNING = new Date('2026-03-02T09:00:00+08:00');

/** The citizen portal, as the API hands it to the services. */
export const PORTAL: Viewer = { kind: 'apiKey', roles: [] };

/** A runtime on a database and a Redis prefix of its own, with helpers. */
export interface ExecutionHarness {
  database: TestDatabase;
  runtime: Runtime;
  clock: Clock;
  redis: { url: string; prefix: string };
  /** The viewer of demo user `username`, as the API would build it. */
  viewer(username: string): Promise<Viewer>;
  /** Publishes fixture `name` (`fixtures/<name>.json`); returns its version. */
  publish(name: string): Promise<number>;
  /** The parsed JSON of fixture `name`, to publish a variant of it. */
  fixture(name: string): Promise<Record<string, unknown>>;
  /** A queue handle on the runtime's timer queue, for looking at jobs. */
  timerQueue(): Queue;
  /** Deletes every Redis key of the runtime's prefix: Redis "flushed" for this runtime only. */
  flushRedis(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a runtime for one test file: virtual clock at {@link MONDAY_MORNING} (default) or the
 * system clock, with the service handlers given besides the built-in ones; workers started.
 */
export async function startExecution(
  options: {
    virtual?: boolean;
    workerLockMs?: number;
    workerConcurrency?: number;
    sweepIntervalMs?: number;
    services?: Record<string, ServiceHandler | RegisteredService>;
    serviceAttemptTimeoutMs?: number;
    /** Private hosts `http-call` may reach (a receiver of the test on 127.0.0.1); default none. */
    serviceAllowedHosts?: readonly string[];
    /** A Redis of the test file's own (default: the run's, with a prefix of its own). */
    redis?: { url: string; prefix: string };
  } = {},
): Promise<ExecutionHarness> {
  const database = await createTestDatabase({ max: 10 });
  const redis = options.redis ?? testRedis();
  const clock = options.virtual === false ? systemClock : await createVirtualClock(database.db, MONDAY_MORNING);
  const runtime = await createRuntime({
    db: database.db,
    redisUrl: redis.url,
    queuePrefix: redis.prefix,
    clock,
    logger: { info: () => undefined, error: () => undefined },
    ...(options.workerLockMs === undefined ? {} : { workerLockMs: options.workerLockMs }),
    ...(options.workerConcurrency === undefined ? {} : { workerConcurrency: options.workerConcurrency }),
    ...(options.sweepIntervalMs === undefined ? {} : { sweepIntervalMs: options.sweepIntervalMs }),
    ...(options.services === undefined ? {} : { services: options.services }),
    ...(options.serviceAttemptTimeoutMs === undefined ? {} : { serviceAttemptTimeoutMs: options.serviceAttemptTimeoutMs }),
    ...(options.serviceAllowedHosts === undefined ? {} : { serviceAllowedHosts: options.serviceAllowedHosts }),
  });
  await runtime.startWorkers();
  const queues: Queue[] = [];
  return {
    database,
    runtime,
    clock,
    redis,
    async viewer(username) {
      const [row] = await database.db
        .select({ user: users, department: departments })
        .from(users)
        .innerJoin(departments, eq(departments.id, users.departmentId))
        .where(eq(users.username, username));
      if (!row) throw new Error(`No demo user '${username}'`);
      return {
        kind: 'user',
        userId: row.user.id,
        username: row.user.username,
        departmentId: row.department.id,
        departmentKind: row.department.kind,
        jurisdictionId: row.department.jurisdictionId,
        roles: row.user.roles,
      };
    },
    async fixture(name) {
      return JSON.parse(await readFile(path.join(FIXTURES, `${name}.json`), 'utf8'));
    },
    async publish(name) {
      const input = JSON.parse(await readFile(path.join(FIXTURES, `${name}.json`), 'utf8'));
      const published = await publishDefinition(database.db, input, { publishedBy: null, now: clock.now() });
      return published.version;
    },
    timerQueue() {
      const queue = new Queue(TIMER_QUEUE_NAME, { connection: { url: redis.url }, prefix: redis.prefix });
      queues.push(queue);
      return queue;
    },
    async flushRedis() {
      const client = new Redis(redis.url);
      try {
        let cursor = '0';
        do {
          const [next, keys] = await client.scan(cursor, 'MATCH', `${redis.prefix}:*`, 'COUNT', 1000);
          cursor = next;
          if (keys.length > 0) await client.del(...keys);
        } while (cursor !== '0');
      } finally {
        client.disconnect();
      }
    },
    async close() {
      for (const queue of queues) await queue.close();
      await runtime.stop();
      await database.close();
    },
  };
}

/** Polls `probe` every 100 ms until it returns a value other than undefined, for at most `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
