/**
 * Recount benchmark (`npm run bench -w @tongban/runtime`, or `tsx bench/recount.ts --cases N
 * --runs R`): how long loading a year's holiday notice takes when it moves the deadlines of N open
 * cases. On a system of its own (`bench-system.ts`) with the virtual clock at Monday 28 December
 * 2026 10:00, N `open-restaurant` cases are filed (their intake limits run into 2027, so they are
 * provisional); then notices for 2027 are loaded in turn that alternately make 1 January a day off
 * and a working day (made-up benchmark data, not the State Council's), so every load moves every
 * case. Prints each load's time and the median, min and max over the runs, and per case; printed,
 * not asserted.
 */
import { performance } from 'node:perf_hooks';
import type { CalendarYear } from '@tongban/engine';
import { FigureSink } from '@tongban/bench';
import { argument, figure, fileApplication, withBenchSystem } from './bench-system.ts';

const CASES = argument('cases', 500);
const RUNS = argument('runs', 6);
const sink = new FigureSink();

/** A made-up 2027 notice: 1 January off (`off`) or no holiday at all. */
function notice(off: boolean): CalendarYear {
  return {
    year: 2027,
    source: { title: 'Hypothetical 2027 notice (benchmark data)', documentNumber: 'BENCH-2027', issued: '2026-11-01', url: 'https://example.org/bench-2027' },
    holidays: off ? [{ name: '元旦', daysOff: { from: '2027-01-01', to: '2027-01-01' }, makeUpWorkdays: [] }] : [],
  };
}

await withBenchSystem(new Date('2026-12-28T10:00:00+08:00'), async (system) => {
  const filing = performance.now();
  for (let n = 0; n < CASES; n += 1) await fileApplication(system);
  console.log(`Filed ${CASES} open-restaurant cases in ${((performance.now() - filing) / 1000).toFixed(1)} s`);
  const admin = { kind: 'user' as const, roles: ['admin'] };
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const { recount } = await system.runtime.putCalendarNotice('cn-mainland', 2027, notice(run % 2 === 0), admin);
    const ms = performance.now() - started;
    times.push(ms);
    console.log(`load ${run + 1}: ${ms.toFixed(0)} ms — ${recount.cases} cases looked at, ${recount.changedCases} changed, ${recount.timers} timers re-armed`);
  }
  sink.add({ name: `notice load moving ${CASES} open cases`, unit: 'ms', better: 'lower', samples: times, note: 'PUT of a 2027 notice that moves every open case’s deadlines, recount case by case' });
  console.log(`Loading a notice that moves ${CASES} open cases: ${figure(times, 'ms', 0)}; per case ${figure(times.map((t) => t / CASES), 'ms', 2)}`);
});
