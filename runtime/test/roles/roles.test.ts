import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { buildCompiled, createTestDatabase, repoRoot, startProcess, testRedis } from '../support/index.ts';
import type { TestDatabase } from '../support/index.ts';
import { caseUnderReview, PORTAL_KEY, publishQuickReview } from './support/quick-review.ts';
import { sample, samples, scrape } from '../support/prometheus-text.ts';
import { remoteClient } from './support/remote-client.ts';
import { startRoleSystem, type RoleSystem } from './support/role-system.ts';

// docs/operations.md, "Two APIs and three workers on one PostgreSQL and one Redis", as it says:
// npx tongban migrate and seed, then the compiled roles (free ports instead of fixed ones).
let database: TestDatabase;
let env: Record<string, string>;
let system: RoleSystem | undefined;
let apiUrls: string[] = [];
let workerHealthUrls: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const redis = testRedis();
  env = { DATABASE_URL: database.url, REDIS_URL: redis.url, TONGBAN_QUEUE_PREFIX: redis.prefix, TONGBAN_INTAKE_API_KEYS: PORTAL_KEY };
  await buildCompiled();
  for (const command of ['migrate', 'seed']) {
    const npx = startProcess('npx', ['tongban', command], { env, cwd: repoRoot });
    expect((await npx.exited).code, npx.output()).toBe(0);
  }
  system = await startRoleSystem(env, { apis: 2, workers: 3 });
  ({ apiUrls, workerHealthUrls } = system);
}, 180_000);

afterAll(async () => {
  await system?.stop();
  await database?.close();
}, 60_000);

describe('tongban api and tongban worker on one PostgreSQL and one Redis', () => {
  it('files a case through one api, completes its task through the other, and a worker fires its timer', async () => {
    const [first, second] = apiUrls.map(remoteClient) as [ReturnType<typeof remoteClient>, ReturnType<typeof remoteClient>];
    await publishQuickReview(first);
    const { reviewTaskId } = await caseUnderReview(first, second);

    const deadline = Date.now() + 30_000;
    let timer: { status: string; fired_at: Date | null } | undefined;
    while (Date.now() < deadline) {
      [timer] = await database.sql<{ status: string; fired_at: Date | null }[]>`
        select status, fired_at from timers where task_id = ${reviewTaskId} and kind = 'taskBreach'`;
      if (timer?.status === 'fired') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(timer?.status).toBe('fired');
    const [task] = await database.sql<{ sla_state: string }[]>`select sla_state from tasks where id = ${reviewTaskId}`;
    expect(task?.sla_state).toBe('overdue');
    const events = await database.sql<{ n: number }[]>`
      select count(*)::int as n from case_events e join tasks t on t.case_id = e.case_id
      where t.id = ${reviewTaskId} and e.type = 'task.overdue'`;
    expect(events[0]?.n).toBe(1);
    // Only the workers run timer jobs: the api processes have none.
    expect(system!.apis.map((p) => p.output()).join('\n')).not.toMatch(/Workers started/);
    expect(system!.workers.every((p) => /Workers started/.test(p.output()))).toBe(true);
  });

  it('answers /healthz and /readyz on every process, the api’s beside /api/v1 and never under it', async () => {
    for (const [url, role] of [...apiUrls.map((u) => [u, 'api']), ...workerHealthUrls.map((u) => [u, 'worker'])] as [string, string][]) {
      const live = await fetch(`${url}/healthz`);
      expect(live.status).toBe(200);
      expect(await live.json()).toMatchObject({ status: 'ok', role });
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      const body = (await ready.json()) as { checks: Record<string, unknown> };
      expect(body).toMatchObject({ status: 'ready', role, failed: [] });
      expect(Object.keys(body.checks)).toEqual(
        role === 'worker' ? ['shutdown', 'postgres', 'redis', 'migrations', 'workers'] : ['shutdown', 'postgres', 'redis', 'migrations'],
      );
    }
    const underApi = await fetch(`${apiUrls[0]}/api/v1/readyz`);
    expect(underApi.status).toBe(404);
    const metricsUnderApi = await fetch(`${apiUrls[0]}/api/v1/metrics`);
    expect(metricsUnderApi.status).toBe(404);
    const onWorkerPort = await fetch(`${workerHealthUrls[0]}/api/v1/definitions`);
    expect(onWorkerPort.status).toBe(404);
  }, 90_000);
});

describe('tongban api and tongban worker refuse to start', () => {
  const refusal = async (args: string[], extra: Record<string, string | undefined>) => {
    const result = await runCli(args, { env: { ...process.env, ...env, ...extra }, timeoutMs: 60_000 });
    const lines = result.stdout.split('\n').filter((line) => line.startsWith('{'));
    const fatal = lines.map((line) => JSON.parse(line) as { level: number; code?: string; msg: string }).find((line) => line.level === 60);
    return { code: result.code, text: result.stdout + result.stderr, errorCode: fatal?.code };
  };

  it('without DATABASE_URL or REDIS_URL, naming the variable', async () => {
    const noDatabase = await refusal(['api', '--port', '0'], { DATABASE_URL: '' });
    expect(noDatabase.code).toBe(1);
    expect(noDatabase.text).toMatch(/tongban api needs DATABASE_URL/);
    expect(noDatabase.errorCode).toBe('setting-missing');
    const noRedis = await refusal(['worker', '--health-port', '0'], { REDIS_URL: '' });
    expect(noRedis.code).toBe(1);
    expect(noRedis.text).toMatch(/tongban worker needs REDIS_URL/);
  }, 90_000);

  it('on a database whose migrations are not all applied, naming tongban migrate', async () => {
    const behind = await createTestDatabase();
    try {
      await behind.sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`;
      for (const args of [['api', '--port', '0'], ['worker', '--health-port', '0']]) {
        const result = await refusal(args, { DATABASE_URL: behind.url });
        expect(result.code).toBe(1);
        expect(result.text).toMatch(/lacks 1 migration\(s\) \(\d{4}_\w+\): run tongban migrate/);
        expect(result.errorCode).toBe('migrations-pending');
      }
    } finally {
      await behind.close();
    }
  }, 90_000);

  it('with --virtual-clock, or on a database run on the virtual clock, naming tongban start --virtual-clock', async () => {
    const flag = await refusal(['api', '--port', '0', '--virtual-clock'], {});
    expect(flag.code).toBe(1);
    expect(flag.text).toMatch(/tongban api runs on the system clock.*run tongban start --virtual-clock/);
    expect(flag.errorCode).toBe('virtual-clock-needs-start');
    const simulated = await createTestDatabase();
    try {
      await simulated.sql`insert into virtual_clock (id, now) values ('default', '2026-03-02T01:00:00Z')`;
      const result = await refusal(['worker', '--health-port', '0'], { DATABASE_URL: simulated.url });
      expect(result.code).toBe(1);
      expect(result.text).toMatch(/runs on a virtual clock .*serve it with tongban start --virtual-clock/);
    } finally {
      await simulated.close();
    }
  }, 90_000);
});

describe('/metrics of tongban api and tongban worker', () => {
  it('answers on every process in Prometheus text, the api’s beside /healthz, the worker’s on its health port, each sample labelled with the role', async () => {
    for (const [url, role] of [...apiUrls.map((u) => [u, 'api']), ...workerHealthUrls.map((u) => [u, 'worker'])] as [string, string][]) {
      const response = await fetch(`${url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const text = await response.text();
      expect(sample(text, 'process_cpu_user_seconds_total', { role })).toBeGreaterThan(0);
      expect(sample(text, 'tongban_system_source_up', { role, source: 'postgres' })).toBe(1);
      expect(sample(text, 'tongban_system_source_up', { role, source: 'redis' })).toBe(1);
      // The case of the first test waits, overdue, in its review: every process counts it.
      expect(sample(text, 'tongban_open_tasks', { role, sla_state: 'overdue' })).toBe(1);
      expect(samples(text, 'tongban_queue_jobs', { role, queue: 'timers', state: 'delayed' })).toHaveLength(1);
    }
    // The timer of the first test fired in one of the workers, as a case step of that worker.
    const fired = await Promise.all(workerHealthUrls.map(async (url) => sample(await scrape(url), 'tongban_case_step_duration_seconds_count', { kind: 'case', outcome: 'ok' })));
    expect(fired.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    const filed = await Promise.all(apiUrls.map(async (url) => sample(await scrape(url), 'tongban_http_request_duration_seconds_count', { method: 'POST', route: '/api/v1/cases', status: '201' })));
    expect(filed.reduce((a, b) => a + b, 0)).toBe(1);
  }, 90_000);
});
