import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fileCase, openTaskAt } from '../http/support/case-helpers.ts';
import type { HttpTestClient } from '../http/support/http-test-client.ts';
import { createTestDatabase, startTongban, testRedis, waitForReady, waitForUrl } from '../support/index.ts';
import type { TestDatabase, TestProcess } from '../support/index.ts';
import { holdCaseLock, someoneWaitsForALock, type CaseLock } from '../support/case-lock.ts';
import { caseUnderReview, PORTAL_KEY, publishQuickReview } from './support/quick-review.ts';
import { remoteClient } from './support/remote-client.ts';

let database: TestDatabase;
let redis: Redis;
let env: Record<string, string>;
let prefix: string;
/** An api that stays up: it files the cases the shutdowns are watched on. */
let filer: TestProcess;
let client: HttpTestClient;
const started: TestProcess[] = [];
const locks: CaseLock[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const harness = testRedis();
  prefix = harness.prefix;
  redis = new Redis(harness.url);
  env = { DATABASE_URL: database.url, REDIS_URL: harness.url, TONGBAN_QUEUE_PREFIX: prefix, TONGBAN_INTAKE_API_KEYS: PORTAL_KEY };
  filer = startTongban(['api', '--port', '0'], env);
  client = remoteClient(await waitForUrl(filer));
  await publishQuickReview(client);
}, 120_000);

afterEach(async () => {
  for (const lock of locks.splice(0)) await lock.release();
  await Promise.all(started.splice(0).map((p) => p.ensureStopped()));
});

afterAll(async () => {
  filer?.kill('SIGTERM');
  await filer?.exited;
  redis?.disconnect();
  await database?.close();
}, 60_000);

function start(args: string[], extra: Record<string, string> = {}): TestProcess {
  const process = startTongban(args, { ...env, ...extra });
  started.push(process);
  return process;
}

async function startApi(extra: Record<string, string> = {}): Promise<{ api: TestProcess; url: string }> {
  const api = start(['api', '--port', '0'], extra);
  return { api, url: await waitForUrl(api) };
}

async function startWorker(extra: Record<string, string> = {}): Promise<{ worker: TestProcess; healthUrl: string }> {
  const worker = start(['worker', '--health-port', '0'], extra);
  return { worker, healthUrl: (await waitForReady(worker)).healthUrl! };
}

/** A filed case's intake task, completed through `url` as huangpu.intake: the request the test holds in flight. */
async function intakeCompletion(url: string): Promise<{ caseId: string; complete: () => Promise<Response> }> {
  const filed = await fileCase(client, { apiKey: PORTAL_KEY }, {
    definitionKey: 'quick-review',
    jurisdiction: 'sh-huangpu-nanjing-east',
    applicant: { name: '王五' },
    data: {},
  });
  const token = await client.login('huangpu.intake');
  const task = await openTaskAt(client, token, filed.body.id, 'intake');
  return {
    caseId: filed.body.id,
    complete: () =>
      fetch(`${url}/api/v1/tasks/${task.id}/complete`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ outcome: 'approve', data: {} }),
      }),
  };
}

async function lock(caseId: string): Promise<CaseLock> {
  const held = await holdCaseLock(database.sql, caseId);
  locks.push(held);
  return held;
}

async function timerOf(taskId: string): Promise<{ id: string; status: string }> {
  const [timer] = await database.sql<{ id: string; status: string }[]>`
    select id, status from timers where task_id = ${taskId} and kind = 'taskBreach'`;
  return timer!;
}

async function overdueEvents(taskId: string): Promise<number> {
  const [row] = await database.sql<{ n: number }[]>`select count(*)::int as n from case_events where task_id = ${taskId} and type = 'task.overdue'`;
  return row!.n;
}

async function until(condition: () => Promise<boolean>, timeoutMs: number, failure: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(failure);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The lines a shutdown printed, in order, shortened to what they stopped. */
/** The steps the JSON shutdown lines of `output` name as stopped, in order. */
function stoppedSteps(output: string): string[] {
  const lines = output.split('\n').filter((line) => line.startsWith('{'));
  const records = lines.map((line) => JSON.parse(line) as { step?: string; msg: string });
  return records.filter((record) => record.step !== undefined && record.msg.startsWith(`Shutdown: ${record.step} stopped (`)).map((record) => record.step!);
}

describe.each(['SIGTERM', 'SIGINT'] as const)('tongban api on %s', (signal) => {
  it('finishes the request in flight, stops in order and exits with code 0', async () => {
    const { api, url } = await startApi();
    const { caseId, complete } = await intakeCompletion(url);
    const held = await lock(caseId);
    const response = complete();
    await someoneWaitsForALock(database.sql);
    const sent = Date.now();
    api.kill(signal);
    await api.waitFor(new RegExp(`${signal}: shutting down`));
    await held.release();
    expect((await response).status).toBe(200);
    expect(await api.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - sent).toBeLessThan(25_000);
    expect(stoppedSteps(api.output())).toEqual(['HTTP server', 'queues and Redis connections', 'database pool']);
  }, 120_000);
});

describe.each(['SIGTERM', 'SIGINT'] as const)('tongban worker on %s', (signal) => {
  it('answers 503 at /readyz while its running job finishes, exits with code 0, and a timer due meanwhile fires after a restart', async () => {
    const { worker, healthUrl } = await startWorker();
    expect((await fetch(`${healthUrl}/readyz`)).status).toBe(200);
    const first = await caseUnderReview(client, client);
    const held = await lock(first.caseId);
    await someoneWaitsForALock(database.sql);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const second = await caseUnderReview(client, client);

    worker.kill(signal);
    await worker.waitFor(new RegExp(`${signal}: shutting down`));
    const ready = await fetch(`${healthUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'not-ready', role: 'worker', failed: expect.arrayContaining(['shutdown']) });
    // The second timer comes due while the first job holds the shutdown up.
    const secondDue = await dueAt(second.reviewTaskId);
    await until(async () => Date.now() > secondDue.getTime() + 500, 10_000, 'the second timer never came due');
    await held.release();
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    expect(stoppedSteps(worker.output())).toEqual(['workers', 'health server', 'queues and Redis connections', 'database pool']);
    expect((await timerOf(first.reviewTaskId)).status).toBe('fired');
    expect((await timerOf(second.reviewTaskId)).status).toBe('pending');

    await startWorker();
    await until(async () => (await timerOf(second.reviewTaskId)).status === 'fired', 30_000, 'the timer due during the shutdown did not fire after the restart');
    expect([await overdueEvents(first.reviewTaskId), await overdueEvents(second.reviewTaskId)]).toEqual([1, 1]);
  }, 120_000);
});

async function dueAt(taskId: string): Promise<Date> {
  const [timer] = await database.sql<{ due_at: string }[]>`select due_at::text from timers where task_id = ${taskId} and kind = 'taskBreach'`;
  return new Date(timer!.due_at);
}

describe('a repeated signal', () => {
  it('counts as one when it is the same signal within a second (a terminal’s Ctrl-C reaches npm and Tongban, and npm passes it on)', async () => {
    const { api, url } = await startApi();
    const { caseId, complete } = await intakeCompletion(url);
    const held = await lock(caseId);
    const response = complete();
    await someoneWaitsForALock(database.sql);
    api.kill('SIGINT');
    api.kill('SIGINT');
    await api.waitFor(/SIGINT: shutting down/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await held.release();
    expect((await response).status).toBe(200);
    expect(await api.exited).toEqual({ code: 0, signal: null });
    expect(api.output()).not.toMatch(/exiting now/);
  }, 120_000);
});

describe('a shutdown cut short', () => {
  it('exits at once with code 1 on a second signal, naming what it cut', async () => {
    const { api, url } = await startApi();
    const { caseId, complete } = await intakeCompletion(url);
    await lock(caseId);
    const response = complete().catch(() => undefined);
    await someoneWaitsForALock(database.sql);
    api.kill('SIGTERM');
    await api.waitFor(/SIGTERM: shutting down/);
    api.kill('SIGINT');
    expect(await api.exited).toEqual({ code: 1, signal: null });
    expect(api.output()).toMatch(/SIGINT during the shutdown: exiting now; cut short: HTTP server, queues and Redis connections, database pool/);
    await response;
  }, 120_000);

  it('exits with code 1 when the grace period runs out, after handing back the jobs still running', async () => {
    const { worker } = await startWorker({ TONGBAN_SHUTDOWN_GRACE_MS: '3000' });
    const { reviewTaskId, caseId } = await caseUnderReview(client, client);
    const held = await lock(caseId);
    await someoneWaitsForALock(database.sql);
    const timer = await timerOf(reviewTaskId);
    const sent = Date.now();
    worker.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 1, signal: null });
    const took = Date.now() - sent;
    expect(took).toBeGreaterThanOrEqual(3_000);
    expect(worker.output()).toContain(`1 running job(s) handed back to the queue: ${timer.id}`);
    expect(worker.output()).toMatch(/The shutdown grace of 3000 ms ran out: exiting now; cut short: database pool/);
    // Handed back, the job waits for the next worker, which fires the timer once the case is free.
    expect(await redis.lrange(`${prefix}:timers:wait`, 0, -1)).toContain(timer.id);
    await startWorker();
    await held.release();
    await until(async () => (await timerOf(reviewTaskId)).status === 'fired', 30_000, 'the handed-back timer did not fire');
    expect(await overdueEvents(reviewTaskId)).toBe(1);
  }, 120_000);
});
