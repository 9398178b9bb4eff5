/**
 * Completion benchmark (`tsx bench/completions.ts --tasks N --runs R --concurrency C`): task
 * completions end to end through the runtime (row lock, engine step, task rows, audit events,
 * timers, outbox, dispatch to BullMQ), beside pgbench's simple-update on the same PostgreSQL in the
 * same run (DESIGN.md §10: ≥ 1,000 /s, ≥ 0.3 × pgbench). On a system of its own (`bench-system.ts`),
 * N `open-restaurant` cases per run are filed, then their intake tasks are
 * completed by C clerks at once. Prints completions per second and the latency median and p99 of
 * each run, their median, min and max, and pgbench's TPS when `pgbench` is on PATH; printed, not
 * asserted.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { departments, users } from '../src/db/schema/index.ts';
import type { Viewer } from '../src/organisation/viewer.ts';
import { FigureSink } from '@tongban/bench';
import { argument, figure, fileApplication, percentile, withBenchSystem } from './bench-system.ts';

const TASKS = argument('tasks', 1_000);
const RUNS = argument('runs', 3);
const CONCURRENCY = argument('concurrency', 8);
const PGBENCH_SECONDS = 10;
const sink = new FigureSink();

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

await withBenchSystem(new Date('2026-03-02T09:00:00+08:00'), async (system) => {
  const { runtime, db, application } = system;
  const intake = application.script[0];
  if (intake?.action !== 'complete') throw new Error('The fixture large-restaurant does not start with the intake');
  const [clerk] = await db
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
      const caseId = await fileApplication(system);
      const task = (await runtime.getCase(caseId, viewer)).tasks.find((t) => t.nodeId === 'intake' && t.status === 'open');
      if (!task) throw new Error(`Case '${caseId}' has no open intake task`);
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
  const tps = pgbenchTps(system.databaseUrl);
  sink.add({ name: `completions/s in process, ${CONCURRENCY} clerks`, unit: '/s', better: 'higher', samples: rates, note: `${TASKS} intake completions per run through runtime.completeTask (no HTTP), virtual clock` });
  sink.add({ name: `completion p99 in process, ${CONCURRENCY} clerks`, unit: 'ms', better: 'lower', samples: p99s });
  if (tps !== undefined) sink.add({ name: `pgbench simple-update, ${CONCURRENCY} clients (after the runs)`, unit: 'TPS', better: 'higher', samples: [tps] });
  if (tps === undefined) console.log('pgbench is not on PATH: no comparison');
  else {
    const median = percentile([...rates].sort((a, b) => a - b), 0.5);
    console.log(`pgbench simple-update, ${CONCURRENCY} clients, ${PGBENCH_SECONDS} s, same server: ${tps.toFixed(0)} TPS; completions / pgbench = ${(median / tps).toFixed(2)}`);
  }
});
