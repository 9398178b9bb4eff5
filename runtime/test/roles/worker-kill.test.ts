import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { buildCompiled, childEnv, createTestDatabase, startCompiledTongban, testRedis, waitForReady, waitForUrl, type TestDatabase, type TestProcess } from '../support/index.ts';
import type { HttpTestClient } from '../http/support/http-test-client.ts';
import { PORTAL_KEY, publishQuickReview } from './support/quick-review.ts';
import { remoteClient } from './support/remote-client.ts';
import { stopProcesses } from './support/role-system.ts';

// One worker killed with SIGKILL twenty times, in the middle of firing timers, and started again
// each time, while an API files cases whose review limits (3.6 s) keep coming due. The compiled
// roles start in about a second, where the TypeScript sources would take several.

const KILLS = 20;

let database: TestDatabase;
let env: Record<string, string>;
let api: TestProcess;
let client: HttpTestClient;
const workers: TestProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const redis = testRedis();
  env = { DATABASE_URL: database.url, REDIS_URL: redis.url, TONGBAN_QUEUE_PREFIX: redis.prefix, TONGBAN_INTAKE_API_KEYS: PORTAL_KEY };
  await buildCompiled();
  api = startCompiledTongban(['api', '--port', '0'], env);
  client = remoteClient(await waitForUrl(api));
  await publishQuickReview(client);
}, 180_000);

afterAll(async () => {
  await stopProcesses([api, ...workers]);
  await database?.close();
}, 60_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function count(query: Promise<{ n: number }[]>): Promise<number> {
  return (await query)[0]?.n ?? 0;
}

describe('a worker killed with SIGKILL in the middle of its work', () => {
  it(`loses and doubles nothing over ${KILLS} kills and restarts: every timer fires once, tongban check is clean`, async () => {
    const clerk = await client.login('huangpu.intake');
    let stop = false;
    const reviews: string[] = [];
    const failures: string[] = [];
    const applicant = async () => {
      try {
        await fileAndCompleteUntilStopped();
      } catch (error) {
        failures.push(String(error));
      }
    };
    const fileAndCompleteUntilStopped = async () => {
      while (!stop && failures.length === 0) {
        const filed = await client.send('POST', '/api/v1/cases', { definitionKey: 'quick-review', jurisdiction: 'sh-huangpu-nanjing-east', applicant: { name: '王五' }, data: {} }, { apiKey: PORTAL_KEY, headers: { 'Idempotency-Key': randomUUID() } });
        if (filed.status !== 201) {
          failures.push(`filing answered ${filed.status} ${filed.text}`);
          return;
        }
        const detail = await client.send('GET', `/api/v1/cases/${filed.body.id}`, undefined, { token: clerk });
        const intake = (detail.body.tasks as { id: string; nodeId: string }[]).find((t) => t.nodeId === 'intake')!;
        const completed = await client.send('POST', `/api/v1/tasks/${intake.id}/complete`, { outcome: 'approve', data: {} }, { token: clerk });
        if (completed.status !== 200) {
          failures.push(`completing the intake answered ${completed.status} ${completed.text}`);
          return;
        }
        reviews.push(filed.body.id);
        await sleep(150);
      }
    };
    const began = Date.now();
    const applicants = [applicant(), applicant()];

    let killedWhileFiring = 0;
    for (let kill = 0; kill < KILLS; kill += 1) {
      const worker = startCompiledTongban(['worker', '--health-port', '0'], env);
      workers.push(worker);
      await waitForReady(worker);
      const firedBefore = await count(database.sql`select count(*)::int as n from timers where status = 'fired'`);
      // Kill it once it has fired something since it started, at a moment picked at random.
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline && (await count(database.sql`select count(*)::int as n from timers where status = 'fired'`)) === firedBefore) await sleep(20);
      await sleep(Math.floor(Math.random() * 300));
      const due = await count(database.sql`select count(*)::int as n from timers where status = 'pending' and due_at <= now()`);
      if (due > 0) killedWhileFiring += 1;
      worker.kill('SIGKILL');
      expect(await worker.exited).toEqual({ code: null, signal: 'SIGKILL' });
    }
    stop = true;
    await Promise.all(applicants);
    expect(failures).toEqual([]);

    const last = startCompiledTongban(['worker', '--health-port', '0'], env);
    workers.push(last);
    await waitForReady(last);
    // A job a killed worker held is taken again once its lock runs out (30 s) and the stall check sees it.
    const deadline = Date.now() + 150_000;
    while ((await count(database.sql`select count(*)::int as n from timers where status = 'pending'`)) > 0) {
      if (Date.now() > deadline) throw new Error('Some timers never fired after the kills');
      await sleep(500);
    }
    const overdue = await database.sql<{ task_id: string; n: number }[]>`
      select t.id as task_id, count(e.id)::int as n from tasks t left join case_events e on e.task_id = t.id and e.type = 'task.overdue'
      where t.node_id = 'review' group by t.id`;
    console.log(`${KILLS} SIGKILLs in ${Math.round((Date.now() - began) / 1000)} s (${killedWhileFiring} with timers due and not yet fired): ${reviews.length} cases, ${overdue.length} review timers fired`);
    expect(overdue.length).toBe(reviews.length);
    expect(overdue.filter((row) => row.n !== 1)).toEqual([]);
    const check = await runCli(['check'], { env: childEnv({ DATABASE_URL: database.url }), timeoutMs: 60_000 });
    expect(check.stdout).toMatch(/checked: every snapshot agrees with its rows/);
    expect(check.code).toBe(0);
  }, 600_000);
});
