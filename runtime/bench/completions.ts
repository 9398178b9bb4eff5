/**
 * Completion benchmark (`tsx bench/completions.ts --tasks N --runs R --concurrency C`): task
 * completions end to end through the runtime (row lock, engine step, task rows, audit events,
 * timers, outbox, dispatch to BullMQ), beside pgbench's simple-update on the same PostgreSQL in the
 * same run (DESIGN.md §10: ≥ 1,000 /s, ≥ 0.3 × pgbench). On an embedded PostgreSQL and a local
 * Redis of its own, N `open-restaurant` cases per run are filed, then their intake tasks are
 * completed by C clerks at once. Prints completions per second and the latency median and p99 of
 * each run, their median, min and max, and pgbench's TPS when `pgbench` is on PATH; printed, not
 * asserted.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { workflowFixtures } from '@tongban/workflows';
import { createVirtualClock } from '../src/clock/index.ts';
import { createDb } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { departments, users } from '../src/db/schema/index.ts';
import { loadConfig } from '../src/infra/config.ts';
import { startLocalServices } from '../src/infra/local-services.ts';
import type { Viewer } from '../src/organisation/viewer.ts';
import { createRuntime } from '../src/runtime.ts';
import { seedAll } from '../src/seed/seed-all.ts';

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? fallback : Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number above 0`);
  return value;
};
const TASKS = argument('tasks', 1_000);
const RUNS = argument('runs', 3);
const CONCURRENCY = argument('concurrency', 8);
const PGBENCH_SECONDS = 10;

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;

function figure(samples: readonly number[], unit: string, digits: number): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `median ${percentile(sorted, 0.5).toFixed(digits)} ${unit} (min ${(sorted[0] as number).toFixed(digits)}, max ${(sorted.at(-1) as number).toFixed(digits)})`;
}

/** pgbench's TPS of the built-in simple-update script on `url`, or undefined without pgbench. */
function pgbenchTps(url: string): number | undefined {
  try {
    execFileSync('pgbench', ['-i', '-s', '10', '-q', url], { stdio: 'pipe' });
    const out = execFileSync('pgbench', ['-b', 'simple-update', '-c', String(CONCURRENCY), '-j', '2', '-T', String(PGBENCH_SECONDS), url], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const match = /tps = ([\d.]+)/.exec(out);
    return match ? Number(match[1]) : undefined;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'tongban-bench-'));
// PostgreSQL runs as its own user when this runs as root: it must reach the folder.
await chmod(dataDir, 0o755);
const config = loadConfig({ ...process.env, DATABASE_URL: '', REDIS_URL: '', TONGBAN_DATA_DIR: path.join(dataDir, 'postgres') });
const services = await startLocalServices(config, { redis: true, notice: (line) => console.log(line) });
try {
  await migrateDatabase(services.databaseUrl);
  const handle = createDb(services.databaseUrl, { max: 20 });
  try {
    const clock = await createVirtualClock(handle.db, new Date('2026-03-02T09:00:00+08:00'));
    await seedAll(handle.db, { now: clock.now() });
    const runtime = await createRuntime({ db: handle.db, redisUrl: services.redisUrl, clock, logger: { info: () => undefined, error: (m, e) => console.error(m, e) } });
    try {
      await runtime.startWorkers();
      const application = workflowFixtures.find((f) => f.id === 'large-restaurant');
      const intake = application?.script[0];
      if (!application || intake?.action !== 'complete') throw new Error('The open-restaurant fixture large-restaurant is missing or does not start with the intake');
      const [clerk] = await handle.db
        .select({ user: users, department: departments })
        .from(users)
        .innerJoin(departments, eq(departments.id, users.departmentId))
        .where(eq(users.username, 'huangpu.intake'));
      if (!clerk) throw new Error('The demo clerk huangpu.intake is missing');
      const viewer: Viewer = {
        kind: 'user',
        userId: clerk.user.id,
        username: clerk.user.username,
        departmentId: clerk.department.id,
        departmentKind: clerk.department.kind,
        jurisdictionId: clerk.department.jurisdictionId,
        roles: clerk.user.roles,
      };
      const rates: number[] = [];
      const p50s: number[] = [];
      const p99s: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const taskIds: string[] = [];
        for (let n = 0; n < TASKS; n += 1) {
          const { case: filed } = await runtime.createCase({
            definitionKey: 'open-restaurant',
            jurisdiction: application.jurisdiction,
            applicant: application.applicant,
            data: application.data,
            actor: { kind: 'apiKey', apiKeyId: 'bench', roles: [] },
          });
          const detail = await runtime.getCase(filed.id, viewer);
          const task = detail.tasks.find((t) => t.nodeId === 'intake' && t.status === 'open');
          if (!task) throw new Error(`Case '${filed.id}' has no open intake task`);
          taskIds.push(task.id);
        }
        const latencies: number[] = [];
        let next = 0;
        const started = performance.now();
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            for (let index = next++; index < taskIds.length; index = next++) {
              const begun = performance.now();
              await runtime.completeTask(taskIds[index] as string, viewer, { outcome: intake.outcome, data: intake.data ?? {} });
              latencies.push(performance.now() - begun);
            }
          }),
        );
        const seconds = (performance.now() - started) / 1000;
        const sorted = latencies.sort((a, b) => a - b);
        rates.push(TASKS / seconds);
        p50s.push(percentile(sorted, 0.5));
        p99s.push(percentile(sorted, 0.99));
        console.log(`run ${run + 1}: ${TASKS} completions in ${seconds.toFixed(2)} s = ${(TASKS / seconds).toFixed(0)} /s; latency p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p99 ${percentile(sorted, 0.99).toFixed(1)} ms`);
      }
      console.log(`Completions at concurrency ${CONCURRENCY}: ${figure(rates, '/s', 0)}; p50 ${figure(p50s, 'ms', 1)}; p99 ${figure(p99s, 'ms', 1)}`);
      const tps = pgbenchTps(services.databaseUrl);
      if (tps === undefined) console.log('pgbench is not on PATH: no comparison');
      else {
        const median = [...rates].sort((a, b) => a - b)[Math.floor(rates.length / 2)] as number;
        console.log(`pgbench simple-update, ${CONCURRENCY} clients, ${PGBENCH_SECONDS} s, same server: ${tps.toFixed(0)} TPS; completions / pgbench = ${(median / tps).toFixed(2)}`);
      }
    } finally {
      await runtime.stop();
    }
  } finally {
    await handle.close();
  }
} finally {
  await services.stop();
  await rm(dataDir, { recursive: true, force: true });
}
