/**
 * The forecast at scale (`tsx bench/forecast.ts --templates T --copies C --runs R --samples S`):
 * T `open-restaurant` cases filed through the runtime, half of them past their intake (so the
 * service hall has recorded decisions and the market bureau's parallel tasks are open), the clock
 * moved on some working days, then each copied C times in bulk (`cloneCase`): T × C open cases
 * (default 8 × 250 = 2,000). Then the city manager's `runtime.forecast` (what
 * `POST /monitor/forecast` runs: the read-only transaction, the measurement, the Monte Carlo) with
 * a horizon of 10 working days and R runs (default 200), S times as things are and S times with a
 * what-if. Target (DESIGN.md §10): ≤ 5 s. Printed with the CPU time the process spent (the wall
 * time of a shared machine is mostly waiting) and the load average; not asserted.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
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
    let last: Awaited<ReturnType<typeof runtime.forecast>> | undefined;
    for (let s = 0; s < SAMPLES; s += 1) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      last = await runtime.forecast(manager, body);
      seconds.push((performance.now() - started) / 1000);
      const used = process.cpuUsage(cpu);
      cpuSeconds.push((used.user + used.system) / 1e6);
    }
    console.log(
      `forecast ${label}: ${figure(seconds, 's', 2)} wall, ${figure(cpuSeconds, 's', 2)} CPU of this process, over ${SAMPLES} samples (load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores); ${last?.openCases} open cases, ${last?.tasks.length} open tasks, ${RUNS} runs, 10 working days; ${last?.engineSteps} engine steps; expected breaches ${last?.expectedBreaches.toFixed(1)}${last?.whatIfExpectedBreaches === undefined ? '' : ` (what-if ${last.whatIfExpectedBreaches.toFixed(1)})`}; profile for ${last?.profileDepartments.length} of ${last?.departments.length} departments`,
    );
  }
});
