/**
 * A completion's cost on an empty database and with many open cases and pending timers
 * (`tsx bench/completion-cost-at-scale.ts --cases N --tasks T --runs R`). One system on the real
 * clock (timers go to Redis as delayed jobs), completions through `runtime.completeTask` by 8
 * clerks at once. R runs of T intake completions on the (nearly) empty database; then N open cases
 * are loaded in bulk (copies of a real case at intake: 3 pending timers each) and re-armed in
 * Redis (`rearmTimers`), `ANALYZE`; then R runs again. The ratio pairs run i loaded with run i
 * empty: milliseconds per completion (1 / throughput). Target (issue): ≤ 1.25 × with 50,000 open
 * cases and 100,000 pending timers. Printed and handed to the suite; not asserted.
 */
import { performance } from 'node:perf_hooks';
import { FigureSink } from '@tongban/bench';
import { systemClock } from '../src/clock/index.ts';
import { createDb } from '../src/db/client.ts';
import { createRuntime } from '../src/runtime.ts';
import { argument, withBenchServices } from './bench-system.ts';
import { viewerOf } from './bench-viewer.ts';
import { cloneCase } from './bulk-load.ts';
import { completeTasks, type CompletionRun } from './complete-tasks.ts';
import { fileTemplateCase, intakeCompletion } from './template-case.ts';

const CASES = argument('cases', 50_000);
const TASKS = argument('tasks', 300);
const RUNS = argument('runs', 5);
const CLERKS = 8;
const sink = new FigureSink();

await withBenchServices(new Date(), async (services) => {
  const handle = createDb(services.databaseUrl, { max: 20 });
  const runtime = await createRuntime({ db: handle.db, redisUrl: services.redisUrl, clock: systemClock, logger: { info: () => undefined, error: (m, e) => console.error(m, e) } });
  try {
    await runtime.startWorkers();
    const template = await fileTemplateCase(runtime);
    const clerk = await viewerOf(handle.db, 'huangpu.intake');
    const input = intakeCompletion();
    /** Prepares T intake tasks (copies of the template) and completes them: one run. */
    const run = async (tag: string): Promise<CompletionRun> => {
      await cloneCase(handle.sql, template.caseId, TASKS, { tag });
      const taskIds = Array.from({ length: TASKS }, (_, n) => `${template.intakeTaskId}.${tag}${n + 1}`);
      return completeTasks(runtime, clerk, taskIds, CLERKS, input);
    };
    await run('warm-');
    const empty: CompletionRun[] = [];
    for (let r = 0; r < RUNS; r += 1) {
      empty.push(await run(`e${r}-`));
      console.log(`empty, run ${r + 1}: ${empty.at(-1)?.perSecond.toFixed(0)} /s, p50 ${empty.at(-1)?.p50Ms.toFixed(1)} ms`);
    }
    const loading = performance.now();
    const loaded = await cloneCase(handle.sql, template.caseId, CASES, { tag: 'open-', spreadMinutes: 7 * 24 * 60 });
    const rearmed = await runtime.rearmTimers();
    await handle.sql`analyze`;
    console.log(`Loaded ${loaded.cases.toLocaleString('en-US')} open cases, ${loaded.pendingTimers.toLocaleString('en-US')} pending timers (${rearmed.toLocaleString('en-US')} armed in Redis) in ${((performance.now() - loading) / 1000).toFixed(1)} s`);
    await run('warm2-');
    const full: CompletionRun[] = [];
    for (let r = 0; r < RUNS; r += 1) {
      full.push(await run(`l${r}-`));
      console.log(`loaded, run ${r + 1}: ${full.at(-1)?.perSecond.toFixed(0)} /s, p50 ${full.at(-1)?.p50Ms.toFixed(1)} ms`);
    }
    const msPer = (runs: readonly CompletionRun[]) => runs.map((r) => 1000 / r.perSecond);
    sink.add({
      name: `ms per completion with ${CASES.toLocaleString('en-US')} open cases`,
      unit: 'ms',
      better: 'lower',
      samples: msPer(full),
      reference: { name: 'empty database', unit: 'ms', samples: msPer(empty) },
      target: '≤ 1.25 × empty',
      note: `wall time ÷ completions, ${CLERKS} clerks, ${TASKS} intake completions per run; loaded: ${loaded.cases.toLocaleString('en-US')} open cases, ${loaded.pendingTimers.toLocaleString('en-US')} pending timers armed in Redis`,
    });
    sink.add({ name: 'completion latency p99, loaded', unit: 'ms', better: 'lower', samples: full.map((r) => r.p99Ms), reference: { name: 'empty', unit: 'ms', samples: empty.map((r) => r.p99Ms) } });
    sink.detail('load', { openCases: loaded.cases, pendingTimers: loaded.pendingTimers, armedInRedis: rearmed });
  } finally {
    await runtime.stop();
    await handle.close();
  }
});
