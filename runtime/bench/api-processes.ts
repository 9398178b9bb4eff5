/**
 * One vs two API processes (`tsx bench/api-processes.ts --tasks T --clerks C --runs R`): the same
 * closed loop (C clerks completing T intake tasks through `POST /tasks/{id}/complete`) against one
 * API process, then spread by the load generator over two API processes on two ports (connections
 * alternate), runs interleaved, one worker process in both. On a 2-core machine the API processes
 * share the cores with PostgreSQL, Redis, the worker and the load generator, so a second process
 * buys little or nothing: this says how much. Printed, handed to the suite; not asserted.
 */
import { FigureSink } from '@tongban/bench';
import { argument } from './bench-system.ts';
import { withHttpSystem } from './http-system.ts';
import { closedLoop } from './load-generators.ts';
import { sampleMemory } from './role-processes.ts';

const TASKS = argument('tasks', 2_000);
const CLERKS = argument('clerks', 16);
const RUNS = argument('runs', 3);
const sink = new FigureSink();

await withHttpSystem(2, async (system) => {
  const { urls, apis } = system;
  await closedLoop(urls, await system.prepare(Math.min(200, TASKS), 'warm-'), CLERKS);
  const one: number[] = [];
  const two: number[] = [];
  const p99One: number[] = [];
  const p99Two: number[] = [];
  let peaks = new Map<number, number>();
  for (let run = 0; run < RUNS; run += 1) {
    const single = await closedLoop([urls[0] as string], await system.prepare(TASKS, `one${run}-`), CLERKS);
    const sampler = sampleMemory(apis.map((a) => a.pid));
    const spread = await closedLoop(urls, await system.prepare(TASKS, `two${run}-`), CLERKS);
    peaks = sampler.stop();
    one.push(single.perSecond);
    two.push(spread.perSecond);
    p99One.push(single.p99Ms);
    p99Two.push(spread.p99Ms);
    console.log(`run ${run + 1}: one API process ${single.perSecond.toFixed(0)} /s (p99 ${single.p99Ms} ms); two ${spread.perSecond.toFixed(0)} /s (p99 ${spread.p99Ms} ms)`);
  }
  const note = `${TASKS} intake completions per run by ${CLERKS} clerks; one worker process; PostgreSQL, Redis and the load generator on the same cores`;
  sink.add({ name: `completions/s, two API processes, ${CLERKS} clerks`, unit: '/s', better: 'higher', samples: two, reference: { name: 'one API process', unit: '/s', samples: one }, note });
  sink.add({ name: `completion p99, two API processes, ${CLERKS} clerks`, unit: 'ms', better: 'lower', samples: p99Two, reference: { name: 'one API process', unit: 'ms', samples: p99One } });
  sink.detail('peak RSS of each API process during the last two-process run (MiB)', Object.fromEntries([...peaks].map(([pid, mib]) => [`pid ${pid}`, Math.round(mib)])));
});
