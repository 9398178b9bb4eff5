import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { createDb } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/infra/postgres.ts';
import { seedDemoUsers } from '../../src/seed/seed-demo-users.ts';
import { seedOrganisation } from '../../src/seed/seed-organisation.ts';
import { childEnv, startTongban, testRedis, waitForReady, waitForUrl, type TestProcess } from '../support/index.ts';
import type { HttpTestClient, TestResponse } from '../http/support/http-test-client.ts';
import { caseUnderReview, PORTAL_KEY, publishQuickReview } from './support/quick-review.ts';
import { remoteClient } from './support/remote-client.ts';

// A PostgreSQL of this file's own, stopped and started again while an API and a worker process
// serve requests: requests meanwhile answer 503 database-unavailable, the processes carry on.

let baseDir: string;
let postgres: EmbeddedPostgres;
let databaseUrl: string;
let api: TestProcess;
let worker: TestProcess;
let client: HttpTestClient;
let workerHealth: string;
let apiUrl: string;

beforeAll(async () => {
  baseDir = await mkdtemp(path.join(tmpdir(), 'tongban-restart-pg-'));
  postgres = await startEmbeddedPostgres({ dataDir: path.join(baseDir, 'postgres'), durable: false, notice: () => undefined });
  databaseUrl = postgres.url();
  await migrateDatabase(databaseUrl);
  const seed = createDb(databaseUrl, { max: 1 });
  await seedOrganisation(seed.db);
  await seedDemoUsers(seed.db);
  await seed.close();
  const redis = testRedis();
  // The sweeper would re-arm a timer whose job gave up only once it is a minute late: here it never runs.
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, TONGBAN_QUEUE_PREFIX: redis.prefix, TONGBAN_INTAKE_API_KEYS: PORTAL_KEY, TONGBAN_SWEEP_INTERVAL_MS: '3600000' };
  api = startTongban(['api', '--port', '0'], env);
  worker = startTongban(['worker', '--health-port', '0'], env);
  apiUrl = await waitForUrl(api);
  workerHealth = (await waitForReady(worker)).healthUrl!;
  client = remoteClient(apiUrl);
  await publishQuickReview(client);
}, 180_000);

afterAll(async () => {
  for (const process of [api, worker]) if (process?.running()) process.kill('SIGTERM');
  await Promise.all([api, worker].map((p) => p && Promise.race([p.exited, new Promise((resolve) => setTimeout(resolve, 30_000))])));
  await Promise.all([api, worker].map((p) => p?.ensureStopped()));
  await postgres?.stop();
  if (baseDir) await rm(baseDir, { recursive: true, force: true });
}, 60_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(condition: () => Promise<boolean>, failure: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(failure);
    await sleep(200);
  }
}

const ready = async (url: string) => (await fetch(`${url}/readyz`).catch(() => undefined))?.status === 200;

describe('PostgreSQL restarted under load', () => {
  it('answers 503 database-unavailable meanwhile, and the processes go on without a restart, leaving no partial step', async () => {
    const clerk = await client.login('huangpu.intake');
    const answers: TestResponse[] = [];
    let filedAfterRestart = 0;
    let restarted = false;
    let firstFiledAfterRestart = 0;
    let stop = false;

    /** Files a quick-review case and completes its intake, again and again, recording every answer. */
    const applicant = async () => {
      while (!stop) {
        const filed = await client.send(
          'POST',
          '/api/v1/cases',
          { definitionKey: 'quick-review', jurisdiction: 'sh-huangpu-nanjing-east', applicant: { name: '李四' }, data: {} },
          { apiKey: PORTAL_KEY, headers: { 'Idempotency-Key': randomUUID() } },
        );
        answers.push(filed);
        if (filed.status !== 201) {
          await sleep(100);
          continue;
        }
        if (restarted && filedAfterRestart++ === 0) firstFiledAfterRestart = Date.now();
        const detail = await client.send('GET', `/api/v1/cases/${filed.body.id}`, undefined, { token: clerk });
        answers.push(detail);
        const intake = (detail.body.tasks as { id: string; nodeId: string }[] | undefined)?.find((t) => t.nodeId === 'intake');
        if (intake === undefined) continue;
        answers.push(await client.send('POST', `/api/v1/tasks/${intake.id}/complete`, { outcome: 'approve', data: {} }, { token: clerk }));
      }
    };
    const applicants = Array.from({ length: 4 }, applicant);

    await eventually(async () => answers.filter((a) => a.status === 201).length >= 4, 'no case was filed before the restart');
    await postgres.stop();
    await sleep(3_000);
    postgres = await startEmbeddedPostgres({ dataDir: postgres.dataDir, port: postgres.port, durable: false, notice: () => undefined });
    restarted = true;
    const cameBack = Date.now();
    await eventually(async () => filedAfterRestart >= 8, 'no case was filed after PostgreSQL came back').catch(async (error: Error) => {
      stop = true;
      const probe = createDb(databaseUrl, { max: 1 });
      const direct = await probe.sql`select 1 as one`.then(() => 'answers', (e: Error) => e.message);
      await probe.close();
      throw new Error(`${error.message}; PostgreSQL itself ${direct}; the last answers: ${answers.slice(-3).map((a) => `${a.status} ${a.text}`).join(' | ')}`);
    });
    stop = true;
    await Promise.all(applicants);

    expect(api.running() && worker.running()).toBe(true);
    const unavailable = answers.filter((a) => a.status === 503);
    console.log(`PostgreSQL restart: ${unavailable.length} of ${answers.length} answers 503; first case filed ${firstFiledAfterRestart - cameBack} ms after PostgreSQL was back`);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const answer of unavailable) {
      expect(answer.body.error.code).toBe('database-unavailable');
      expect(answer.headers.get('Retry-After')).toBe('5');
    }
    expect(answers.filter((a) => ![200, 201, 503].includes(a.status)).map((a) => `${a.status} ${a.text}`)).toEqual([]);

    await eventually(() => ready(apiUrl), 'the API did not become ready again');
    await eventually(() => ready(workerHealth), 'the worker did not become ready again');
    // Every review's 3.6 s limit passes; the worker fires each timer once PostgreSQL answers again.
    const sql = createDb(databaseUrl, { max: 1 }).sql;
    try {
      await eventually(async () => {
        const [row] = await sql<{ n: number }[]>`select count(*)::int as n from timers where status = 'pending'`;
        return row?.n === 0;
      }, 'a review timer never fired after the restart', 120_000);
    } finally {
      await sql.end();
    }
    const check = await runCli(['check'], { env: childEnv({ DATABASE_URL: databaseUrl }), timeoutMs: 60_000 });
    expect(check.stdout).toMatch(/checked: every snapshot agrees with its rows/);
    expect(check.code).toBe(0);
  }, 300_000);

  it('fires the timers that came due during an outage longer than their jobs’ retries soon after PostgreSQL is back, without the sweeper', async () => {
    const reviews = await Promise.all([0, 1, 2].map(() => caseUnderReview(client, client)));
    const taskIds = reviews.map((r) => r.reviewTaskId);
    await postgres.stop();
    // The reviews' 3.6 s limits pass; their jobs are tried five times over about 15 s, then given up.
    await sleep(25_000);
    postgres = await startEmbeddedPostgres({ dataDir: postgres.dataDir, port: postgres.port, durable: false, notice: () => undefined });
    const back = Date.now();
    const handle = createDb(databaseUrl, { max: 1 });
    try {
      await eventually(async () => {
        const [row] = await handle.sql<{ n: number }[]>`select count(*)::int as n from timers where task_id in ${handle.sql(taskIds)} and kind = 'taskBreach' and status = 'fired'`;
        return row?.n === taskIds.length;
      }, 'the timers due during the outage did not fire after PostgreSQL came back', 60_000);
      const fired = await handle.sql<{ fired_at: string }[]>`select fired_at from timers where task_id in ${handle.sql(taskIds)} and kind = 'taskBreach'`;
      const delays = fired.map((row) => new Date(row.fired_at).getTime() - back).sort((a, b) => a - b);
      console.log(`PostgreSQL down 25 s while timers came due → fired ${delays.join(', ')} ms after it was back`);
      const overdue = await handle.sql<{ n: number }[]>`
        select count(*)::int as n from case_events where type = 'task.overdue' and task_id in ${handle.sql(taskIds)} group by task_id`;
      expect(overdue.map((row) => row.n)).toEqual(taskIds.map(() => 1));
    } finally {
      await handle.close();
    }
    expect(worker.output()).toMatch(/PostgreSQL is back: \d+ due timer\(s\) re-armed/);
  }, 180_000);
});
