/**
 * Where a completion's Node time goes (`tsx bench/profile-completions.ts --tasks T --clerks C
 * --runs R [--out folder]`; by default a new folder under the system's temporary one): the HTTP
 * benchmark's system (`http-system.ts`: one API process, one worker process, the real clock) with
 * both role processes under V8's CPU profiler (`TONGBAN_BENCH_CPU_PROF`), a warm-up, then R
 * closed-loop runs of T intake completions by C clerks. The load windows (on the monotonic clock
 * the profiles are stamped with) go to `window.json` beside the profiles;
 * `npm run cpu-profile -w @tongban/bench -- <folder>` reads both and prints self time by module
 * group and function for the samples inside the windows only. Not part of the suite: profiling
 * slows what it measures.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { argument } from './bench-system.ts';
import { withHttpSystem } from './http-system.ts';
import { closedLoop } from './load-generators.ts';

const TASKS = argument('tasks', 1_000);
const CLERKS = argument('clerks', 8);
const RUNS = argument('runs', 1);
const outIndex = process.argv.indexOf('--out');
const OUT = path.resolve(outIndex === -1 ? path.join(tmpdir(), 'tongban-profiles', `completions-${new Date().toISOString().replace(/[:.]/g, '-')}`) : (process.argv[outIndex + 1] as string));

/** Now on the monotonic clock V8's profiler stamps its samples with, in µs. */
const monotonicMicros = () => Number(process.hrtime.bigint() / 1_000n);

await mkdir(OUT, { recursive: true });
process.env.TONGBAN_BENCH_CPU_PROF = OUT;
const windows: { startMicros: number; endMicros: number; completions: number; perSecond: number; p50Ms: number; p99Ms: number }[] = [];
await withHttpSystem(1, async (system) => {
  await closedLoop(system.urls, await system.prepare(200, 'warm-'), CLERKS);
  for (let run = 0; run < RUNS; run += 1) {
    const load = await system.prepare(TASKS, `p${run}-`);
    const startMicros = monotonicMicros();
    const result = await closedLoop(system.urls, load, CLERKS);
    const endMicros = monotonicMicros();
    windows.push({ startMicros, endMicros, completions: TASKS - result.failed, perSecond: result.perSecond, p50Ms: result.p50Ms, p99Ms: result.p99Ms });
    console.log(`run ${run + 1}: ${result.perSecond.toFixed(1)} completions/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${result.failed} failed`);
  }
});
await writeFile(path.join(OUT, 'window.json'), `${JSON.stringify({ clerks: CLERKS, tasks: TASKS, windows }, null, 2)}\n`);
for (const role of ['api', 'worker']) {
  const files = await readdir(path.join(OUT, role)).catch(() => []);
  console.log(`${role}: ${files.map((f) => path.join(OUT, role, f)).join(', ') || 'no profile written'}`);
}
console.log(`Breakdown: npm run cpu-profile -w @tongban/bench -- ${OUT}`);
