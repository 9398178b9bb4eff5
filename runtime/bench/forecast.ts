/**
 * The forecast at scale (`tsx bench/forecast.ts --templates T --copies C --runs R --samples S`):
 * T `open-restaurant` cases filed through the runtime, half of them past their intake (so the
 * service hall has recorded decisions and the market bureau's parallel tasks are open), the clock
 * moved on some working days, then each copied C times in bulk (`cloneCase`): T × C open cases
 * (default 8 × 250 = 2,000). Then the city manager's `runtime.forecast` (what
 * `POST /monitor/forecast` runs: the read-only transaction, the measurement, the Monte Carlo) with
 * a horizon of 10 working days and R runs (default 200), S times as things are and S times with a
 * what-if. Target (DESIGN.md §10): ≤ 5 s. Printed with the CPU time the process spent (the wall
 * time of a shared machine is mostly waiting; the worker thread's counts), the first sample apart
 * (its worker thread starts, and runs code the JIT has not optimised yet), the longest the event
 * loop stood still meanwhile (the runs are computed in a worker thread) and the load average; not
 * asserted.
 *
 * With `TONGBAN_BENCH_CPU_PROF=<folder>` (and the process run under `node --cpu-prof
 * --cpu-prof-dir=<folder>/bench`), each forecast's span on the profiler's monotonic clock goes to
 * `<folder>/window.json`, for `npm run cpu-profile -w @tongban/bench -- <folder>`.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';
import { argument, figure, withBenchSystem } from './bench-system.ts';
import { viewerOf } from './bench-viewer.ts';
import { cloneCase } from './bulk-load.ts';
import { fileTemplateCase, intakeCompletion } from './template-case.ts';

const TEMPLATES = argument('templates', 8);
const COPIES = argument('copies', 250);
const RUNS = argument('runs', 200);
const SAMPLES = argument('samples', 5);
const START = new Date('2026-03-02T09:30:00+08:00');
const PROFILES = process.env.TONGBAN_BENCH_CPU_PROF;
const monotonicMicros = () => Number(process.hrtime.bigint() / 1_000n);
const windows: { startMicros: number; endMicros: number }[] = [];
/** How often the event loop's delay is sampled, ms. */
const STALL_RESOLUTION_MS = 10;

await withBenchSystem(START, async ({ runtime, db, databaseUrl }) => {
  const intake = await viewerOf(db, 'huangpu.intake');
  const templates: string[] = [];
  for (let i = 0; i < TEMPLATES; i += 1) {
    const { caseId, intakeTaskId } = await fileTemplateCase(runtime);
    if (i % 2 === 0) await runtime.completeTask(intakeTaskId, intake, intakeCompletion());
    templates.push(caseId);
  }
  await runtime.advanceClock({ by: { amount: 3, unit: 'workingDay' } });
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => undefined });
  try {
    for (const [index, id] of templates.entries()) await cloneCase(sql, id, COPIES - 1, { tag: `f${index}-` });
    await sql`vacuum analyze`;
  } finally {
    await sql.end();
  }
  const manager = await viewerOf(db, 'city.manager');
  const request = { horizonDays: 10, runs: RUNS, seed: 1 };
  const whatIf = { clerks: { 'sh-huangpu-market-regulation': 2 }, closures: [{ departmentId: 'sh-huangpu-service-hall', day: 2 }] };
  for (const [label, body] of [['as things are', request], ['with a what-if', { ...request, whatIf }]] as const) {
    const seconds: number[] = [];
    const cpuSeconds: number[] = [];
    const stallMs: number[] = [];
    const loads: number[] = [];
    let last: Awaited<ReturnType<typeof runtime.forecast>> | undefined;
    for (let s = 0; s < SAMPLES; s += 1) {
      const stalls = monitorEventLoopDelay({ resolution: STALL_RESOLUTION_MS });
      const started = performance.now();
      const startMicros = monotonicMicros();
      const cpu = process.cpuUsage();
      stalls.enable();
      last = await runtime.forecast(manager, body);
      windows.push({ startMicros, endMicros: monotonicMicros() });
      seconds.push((performance.now() - started) / 1000);
      const used = process.cpuUsage(cpu);
      cpuSeconds.push((used.user + used.system) / 1e6);
      // A stall just before the answer shows when the loop next turns: let it turn before looking.
      await sleep(STALL_RESOLUTION_MS * 3);
      stalls.disable();
      stallMs.push(stalls.max / 1e6);
      loads.push(os.loadavg()[0] as number);
    }
    const first = `first ${seconds[0]?.toFixed(2)} s wall, ${cpuSeconds[0]?.toFixed(2)} s CPU`;
    console.log(
      `forecast ${label}: ${figure(seconds, 's', 2)} wall, ${figure(cpuSeconds, 's', 2)} CPU of this process (${first}), over ${SAMPLES} samples; longest event-loop stall ${figure(stallMs, 'ms', 0)}; load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${os.cpus().length} cores; ${last?.openCases} open cases, ${last?.tasks.length} open tasks, ${RUNS} runs, 10 working days; ${last?.engineSteps} engine steps; expected breaches ${last?.expectedBreaches.toFixed(1)}${last?.whatIfExpectedBreaches === undefined ? '' : ` (what-if ${last.whatIfExpectedBreaches.toFixed(1)})`}; profile for ${last?.profileDepartments.length} of ${last?.departments.length} departments`,
    );
  }
  if (PROFILES) await writeFile(path.join(PROFILES, 'window.json'), `${JSON.stringify({ windows }, null, 2)}\n`);
});
