import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRedis, type LocalRedis } from '../../src/infra/redis.ts';
import { createTestDatabase, startTongban } from '../support/index.ts';
import type { TestDatabase, TestProcess } from '../support/index.ts';
import type { HttpTestClient } from '../http/support/http-test-client.ts';
import { caseUnderReview, PORTAL_KEY, publishQuickReview } from './support/quick-review.ts';
import { remoteClient } from './support/remote-client.ts';

// A Redis of this file's own: FLUSHALL and a restart would take every other test file's queues.
let redis: LocalRedis;
let database: TestDatabase;
let admin: Redis;
let client: HttpTestClient;
const prefix = 'tongban';
const started: TestProcess[] = [];
let api: TestProcess;
let workers: TestProcess[];

/** The sweeper would re-arm lost timers only once they are a minute late, and here it never runs. */
const SWEEP_NEVER_MS = '3600000';

beforeAll(async () => {
  redis = await startLocalRedis();
  admin = new Redis(redis.url, { maxRetriesPerRequest: null });
  admin.on('error', () => undefined);
  database = await createTestDatabase();
  const env = { DATABASE_URL: database.url, REDIS_URL: redis.url, TONGBAN_INTAKE_API_KEYS: PORTAL_KEY, TONGBAN_SWEEP_INTERVAL_MS: SWEEP_NEVER_MS };
  api = startTongban(['api', '--port', '0'], env);
  workers = [startTongban(['worker', '--health-port', '0'], env), startTongban(['worker', '--health-port', '0'], env)];
  started.push(api, ...workers);
  client = remoteClient((await api.waitFor(/Tongban api is ready at (http:\/\/\S+)/))[1]!);
  for (const worker of workers) await worker.waitFor(/Tongban worker is ready/);
  await publishQuickReview(client);
}, 180_000);

afterAll(async () => {
  for (const process of started) if (process.running()) process.kill('SIGTERM');
  await Promise.all(started.map((p) => Promise.race([p.exited, new Promise((resolve) => setTimeout(resolve, 30_000))])));
  await Promise.all(started.map((p) => p.ensureStopped()));
  admin?.disconnect();
  await database?.close();
  await redis?.stop();
}, 60_000);

/** Files `count` cases whose review timers come due 3.6 s later; resolves once their delayed jobs are in Redis. */
async function pendingTimers(count: number): Promise<{ timerIds: string[]; taskIds: string[] }> {
  const taskIds: string[] = [];
  for (let i = 0; i < count; i += 1) taskIds.push((await caseUnderReview(client, client)).reviewTaskId);
  const rows = await database.sql<{ id: string }[]>`select id from timers where task_id in ${database.sql(taskIds)} and status = 'pending'`;
  const timerIds = rows.map((r) => r.id);
  await until(async () => (await jobsInRedis(timerIds)) === timerIds.length, 10_000, 'the timer jobs were never armed');
  return { timerIds, taskIds };
}

async function jobsInRedis(timerIds: readonly string[]): Promise<number> {
  return admin.exists(...timerIds.map((id) => `${prefix}:timers:${id}`));
}

async function until(condition: () => Promise<boolean>, timeoutMs: number, failure: string, everyMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(failure);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Waits until every task's breach timer fired; checks each task went overdue exactly once. */
async function expectFiredOnce(taskIds: readonly string[]): Promise<void> {
  await until(
    async () => {
      const [row] = await database.sql<{ n: number }[]>`
        select count(*)::int as n from timers where task_id in ${database.sql(taskIds)} and kind = 'taskBreach' and status = 'fired'`;
      return row?.n === taskIds.length;
    },
    30_000,
    'the timers did not fire after Redis lost them',
    100,
  );
  const events = await database.sql<{ task_id: string; n: number }[]>`
    select task_id, count(*)::int as n from case_events
    where type = 'task.overdue' and task_id in ${database.sql(taskIds)} group by task_id`;
  expect(events.map((e) => e.n)).toEqual(taskIds.map(() => 1));
}

function summary(delaysMs: number[]): string {
  const sorted = [...delaysMs].sort((a, b) => a - b);
  const median = sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return `median ${median} ms, min ${sorted[0]} ms, max ${sorted.at(-1)} ms over ${sorted.length} runs`;
}

describe('when Redis comes back empty', () => {
  it('re-arms every pending timer within seconds of a FLUSHALL, without the sweeper, and fires each once', async () => {
    const delays: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const { timerIds, taskIds } = await pendingTimers(3);
      const flushed = Date.now();
      await admin.flushall();
      await until(async () => (await jobsInRedis(timerIds)) === timerIds.length, 15_000, 'the timer jobs were not re-armed after FLUSHALL');
      delays.push(Date.now() - flushed);
      await expectFiredOnce(taskIds);
    }
    console.log(`FLUSHALL → pending timers re-armed: ${summary(delays)}`);
    const rearms = workers.map((w) => (w.output().match(/Redis lost the queues/g) ?? []).length);
    expect(rearms.reduce((a, b) => a + b, 0)).toBe(5);
  }, 180_000);

  it('re-arms every pending timer within seconds of a restart without persistence, and fires each once', async () => {
    const { timerIds, taskIds } = await pendingTimers(3);
    const port = redis.port;
    await redis.stop();
    const stopped = Date.now();
    redis = await startLocalRedis({ port });
    const restarted = Date.now();
    await until(async () => (await jobsInRedis(timerIds)) === timerIds.length, 30_000, 'the timer jobs were not re-armed after the restart');
    console.log(`Redis restart (down ${restarted - stopped} ms) → pending timers re-armed ${Date.now() - restarted} ms after it was back`);
    await expectFiredOnce(taskIds);
    expect(workers.some((w) => /Redis came back without the queues/.test(w.output()))).toBe(true);
  }, 120_000);
});
