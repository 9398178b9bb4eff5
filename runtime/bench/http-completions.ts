/**
 * Completions through the HTTP API (`tsx bench/http-completions.ts --tasks T --seconds S
 * --open-seconds O --runs R --clerks 8,16,32 --rates 100,300,600`), on one API process and one
 * worker process (`http-system.ts`), the real clock, intake tasks of copies of a real case.
 *
 * - Closed loop at saturation, for each clerk count C: T completions by C clerks (autocannon);
 *   in the same run, on the same PostgreSQL, pgbench `-N` with C clients for S s and the bare
 *   durable step (`durable-step.ts`) with C connections for S s: the two ceilings. Ratios are taken
 *   run by run. Peak RSS of the API and worker processes.
 * - Open loop at each fixed rate: rate × O completions started on a timetable (loadtest), p50,
 *   p95, p99 from the scheduled start, achieved rate, peak RSS. Between runs the API is let finish
 *   what the generator abandoned (a request past 60 s counts as failed), so runs do not pile up.
 *
 * Targets (DESIGN.md §10): ≥ 0.3 × pgbench; p99 ≤ 30 ms at 300 /s. Printed, handed to the
 * suite; not asserted.
 */
import { FigureSink } from '@tongban/bench';
import { argument } from './bench-system.ts';
import { withHttpSystem, type HttpSystem } from './http-system.ts';
import { closedLoop, openLoop } from './load-generators.ts';
import { durableStepsPerSecond, prepareDurableStep } from './durable-step.ts';
import { hasPgbench, pgbenchInit, pgbenchSimpleUpdate } from './pgbench.ts';
import { sampleMemory } from './role-processes.ts';

function listArgument(name: string, fallback: readonly number[]): number[] {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return [...fallback];
  const values = (process.argv[index + 1] ?? '').split(',').map(Number);
  if (values.some((v) => !Number.isInteger(v) || v < 1)) throw new Error(`--${name} takes whole numbers above 0, comma-separated`);
  return values;
}

const TASKS = argument('tasks', 2_000);
const SECONDS = argument('seconds', 10);
/** `--open-seconds S`: how long each open-loop run starts requests (may be a fraction), default 10. */
const OPEN_SECONDS = process.argv.includes('--open-seconds') ? Number(process.argv[process.argv.indexOf('--open-seconds') + 1]) : 10;
if (!(OPEN_SECONDS > 0)) throw new Error('--open-seconds takes a number of seconds above 0');
const RUNS = argument('runs', 3);
const CLERKS = listArgument('clerks', [8, 16, 32]);
const RATES = listArgument('rates', [100, 300, 600]);
const sink = new FigureSink();

/**
 * Waits until the API has stopped completing the tasks of `taskIds` (no change for 3 s, at most
 * 5 min): requests the load generator gave up on (its 60 s timeout) are still worked off by the
 * API, and would otherwise load the next run. Returns how many completed after the generator ended.
 */
async function settle(system: HttpSystem, taskIds: readonly string[]): Promise<number> {
  const completed = async () => {
    const [row] = await system.database.sql<{ n: number }[]>`select count(*)::int as n from tasks where id = any(${taskIds as string[]}) and status = 'completed'`;
    return row?.n ?? 0;
  };
  const first = await completed();
  let last = first;
  let unchanged = 0;
  for (const deadline = Date.now() + 300_000; unchanged < 3 && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const now = await completed();
    unchanged = now === last ? unchanged + 1 : 0;
    last = now;
  }
  return last - first;
}

if (!hasPgbench()) throw new Error('pgbench is not on PATH: the ceiling cannot be measured (Debian: apt-get install postgresql-client)');

await withHttpSystem(1, async (system) => {
  const { urls, apis, worker, services } = system;
  pgbenchInit(services.databaseUrl);
  await prepareDurableStep(services.databaseUrl, system.snapshot);
  const memory: Record<string, { apiMiB: number[]; workerMiB: number[] }> = {};
  const sampled = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const sampler = sampleMemory([apis[0]!.pid, worker.pid]);
    try {
      return await work();
    } finally {
      const peaks = sampler.stop();
      const kept = (memory[label] ??= { apiMiB: [], workerMiB: [] });
      kept.apiMiB.push(Math.round(peaks.get(apis[0]!.pid) ?? 0));
      kept.workerMiB.push(Math.round(peaks.get(worker.pid) ?? 0));
    }
  };
  await closedLoop(urls, await system.prepare(Math.min(200, TASKS), 'warm-'), 8);

  for (const clerks of CLERKS) {
    const rates: number[] = [];
    const p50s: number[] = [];
    const p99s: number[] = [];
    const pgbench: number[] = [];
    const durable: number[] = [];
    let failed = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const load = await system.prepare(TASKS, `c${clerks}r${run}-`);
      const result = await sampled(`closed loop, ${clerks} clerks`, () => closedLoop(urls, load, clerks));
      rates.push(result.perSecond);
      p50s.push(result.p50Ms);
      p99s.push(result.p99Ms);
      failed += result.failed;
      pgbench.push(pgbenchSimpleUpdate(services.databaseUrl, clerks, SECONDS));
      durable.push(await durableStepsPerSecond(services.databaseUrl, clerks, SECONDS, system.snapshot));
      console.log(
        `${clerks} clerks, run ${run + 1}: ${result.perSecond.toFixed(0)} completions/s (p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${result.failed} failed); pgbench -N ${pgbench.at(-1)?.toFixed(0)} TPS; durable step ${durable.at(-1)?.toFixed(0)} /s`,
      );
    }
    const note = `${TASKS} intake completions per run by ${clerks} connections, one API process; ${failed} requests failed in all`;
    sink.add({ name: `completions/s, ${clerks} clerks (vs pgbench -N)`, unit: '/s', better: 'higher', samples: rates, reference: { name: `pgbench -N -c ${clerks}`, unit: 'TPS', samples: pgbench }, target: '≥ 0.3 × pgbench', note });
    sink.add({ name: `completions/s, ${clerks} clerks (vs durable step)`, unit: '/s', better: 'higher', samples: rates, reference: { name: `bare durable step, ${clerks} connections`, unit: '/s', samples: durable } });
    sink.add({ name: `completion p50, ${clerks} clerks`, unit: 'ms', better: 'lower', samples: p50s });
    sink.add({ name: `completion p99, ${clerks} clerks`, unit: 'ms', better: 'lower', samples: p99s });
  }

  for (const rate of RATES) {
    const achieved: number[] = [];
    const p50s: number[] = [];
    const p95s: number[] = [];
    const p99s: number[] = [];
    let failed = 0;
    const failedPerRun: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const load = await system.prepare(Math.round(rate * OPEN_SECONDS), `o${rate}r${run}-`);
      const result = await sampled(`open loop, ${rate} /s`, () => openLoop(urls[0] as string, load, rate, OPEN_SECONDS));
      const leftover = await settle(system, load.taskIds);
      achieved.push(result.perSecond);
      p50s.push(result.p50Ms);
      p95s.push(result.p95Ms ?? Number.NaN);
      p99s.push(result.p99Ms);
      failed += result.failed;
      failedPerRun.push(result.failed);
      console.log(
        `open loop ${rate} /s, run ${run + 1}: ${Math.round(rate * OPEN_SECONDS)} started over ${OPEN_SECONDS} s, answered at ${result.perSecond.toFixed(0)} /s over ${result.seconds.toFixed(1)} s; p50 ${result.p50Ms.toFixed(0)} ms, p95 ${result.p95Ms?.toFixed(0)} ms, p99 ${result.p99Ms.toFixed(0)} ms; ${result.failed} failed; the API went on completing ${leftover} abandoned requests afterwards`,
      );
    }
    const note = `${Math.round(rate * OPEN_SECONDS)} requests started at ${rate} /s over ${OPEN_SECONDS} s; latency from each request's scheduled start; ${failed} failed in all`;
    sink.add({ name: `open loop ${rate} /s: answered /s`, unit: '/s', better: 'higher', samples: achieved, note: 'completions answered per second, from the first request to the last answer' });
    sink.add({ name: `open loop ${rate} /s: p50`, unit: 'ms', better: 'lower', samples: p50s, note });
    sink.add({ name: `open loop ${rate} /s: p95`, unit: 'ms', better: 'lower', samples: p95s });
    sink.add({ name: `open loop ${rate} /s: failed or unanswered in 60 s`, unit: 'requests', better: 'lower', samples: failedPerRun });
    sink.add({ name: `open loop ${rate} /s: p99`, unit: 'ms', better: 'lower', samples: p99s, ...(rate === 300 ? { target: '≤ 30 ms' } : {}) });
  }
  sink.detail('peak RSS of the API and worker processes (MiB) during each load, per run', memory);
  for (const [label, peaks] of Object.entries(memory)) {
    sink.add({ name: `API process peak RSS, ${label}`, unit: 'MiB', better: 'lower', samples: peaks.apiMiB });
    sink.add({ name: `worker process peak RSS, ${label}`, unit: 'MiB', better: 'lower', samples: peaks.workerMiB });
  }
  sink.detail('set-up', 'One API process (createApp on @hono/node-server, pool of 20) and one worker process (timers, services, outbox sweeper) on the system clock; PostgreSQL and Redis embedded in the same machine; the load generator in the benchmark process; pgbench scale 10 in the same database.');
});
