import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRedis, type LocalRedis } from '../../src/infra/redis.ts';
import { createTestDatabase, startTongban, waitForReady, waitForUrl } from '../support/index.ts';
import type { TestDatabase, TestProcess } from '../support/index.ts';
import type { HttpTestClient } from '../http/support/http-test-client.ts';
import { caseUnderReview, PORTAL_KEY, publishQuickReview } from './support/quick-review.ts';
import { remoteClient } from './support/remote-client.ts';
import { stopProcesses } from './support/role-system.ts';
import { until } from './support/until.ts';

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
  client = remoteClient(await waitForUrl(api));
  for (const worker of workers) await waitForReady(worker);
  await publishQuickReview(client);
}, 180_000);

afterAll(async () => {
  await stopProcesses(started);
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

  it('fires the timers that came due while Redis was down soon after it is back, and runs the service tasks filed meanwhile', async () => {
    const definition = JSON.parse(await readFile(new URL('../execution/fixtures/service-permit.json', import.meta.url), 'utf8'));
    const published = await client.send('POST', '/api/v1/definitions', definition, { token: await client.login('designer') });
    expect(published.status).toBe(201);
    const delays: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const { timerIds, taskIds } = await pendingTimers(2);
      const port = redis.port;
      await redis.stop();
      // Filed while Redis is away: committed, its service attempt queued in PostgreSQL only.
      const filed = await client.send(
        'POST',
        '/api/v1/cases',
        { definitionKey: 'service-permit', jurisdiction: 'sh-huangpu-nanjing-east', applicant: { name: '吴九' }, data: { businessName: '城隍庙小笼', unifiedSocialCreditCode: '91350200MA2YJ1XR9G' } },
        { apiKey: PORTAL_KEY, headers: { 'Idempotency-Key': randomUUID() } },
      );
      expect(filed.status).toBe(201);
      const [latest] = await database.sql<{ due: string }[]>`select max(due_at) as due from timers where id in ${database.sql(timerIds)}`;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, new Date(latest!.due).getTime() - Date.now()) + 500));
      redis = await startLocalRedis({ port });
      const back = new Date();
      await expectFiredOnce(taskIds);
      const fired = await database.sql<{ fired_at: string }[]>`select fired_at from timers where id in ${database.sql(timerIds)}`;
      delays.push(...fired.map((row) => new Date(row.fired_at).getTime() - back.getTime()));
      await until(
        async () => (await database.sql`select 1 from service_invocations where case_id = ${filed.body.id} and status = 'succeeded'`).length === 1,
        30_000,
        'the service task filed while Redis was away never ran',
        100,
      );
    }
    console.log(`Redis down while timers came due → fired after Redis was back (${delays.length} timers over 3 outages): ${summary(delays)}`);
    expect(delays.every((delay) => delay >= 0)).toBe(true);
  }, 180_000);
});
