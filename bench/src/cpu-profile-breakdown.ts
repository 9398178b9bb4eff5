/**
 * Prints where the time of profiled role processes goes (`npx tsx src/cpu-profile-breakdown.ts
 * <folder> [--functions N]`): for each role subfolder of `<folder>` (`api/`, `worker/`, as
 * `runtime/bench/profile-completions.ts` writes them) and each thread's `.cpuprofile` in it, self
 * and inclusive time per module group and the N functions with the most self time (default 25),
 * over the load windows of `<folder>/window.json` (every sample when there is none), as Markdown
 * tables, with ms per completion when the windows count completions.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { breakdownOf, type CpuProfile, type SampleWindow, type TimeRow } from './cpu-profile.ts';
import { formatNumber } from './format-number.ts';

interface WindowFile {
  clerks?: number;
  tasks?: number;
  windows: (SampleWindow & { completions?: number; perSecond?: number })[];
}

const folder = process.argv[2];
if (!folder || !existsSync(folder) || !statSync(folder).isDirectory()) {
  throw new Error('Usage: tsx src/cpu-profile-breakdown.ts <folder with api/ and worker/ profiles and window.json> [--functions N]');
}
const functionsIndex = process.argv.indexOf('--functions');
const FUNCTIONS = functionsIndex === -1 ? 25 : Number(process.argv[functionsIndex + 1]);
const windowPath = path.join(folder, 'window.json');
const load: WindowFile = existsSync(windowPath) ? (JSON.parse(readFileSync(windowPath, 'utf8')) as WindowFile) : { windows: [] };
const completions = load.windows.reduce((sum, w) => sum + (w.completions ?? 0), 0);
const windowMs = load.windows.reduce((sum, w) => sum + (w.endMicros - w.startMicros) / 1000, 0);

const fixed = (value: number, _digits?: number) => formatNumber(value);
const percent = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : '–');

function table(rows: readonly TimeRow[], busyMs: number, first: string): string {
  const perCompletion = completions > 0;
  const head = `| ${first} | self ms | self % of busy | under it (incl.) % |${perCompletion ? ' self ms per completion |' : ''}\n| --- | ---: | ---: | ---: |${perCompletion ? ' ---: |' : ''}`;
  const lines = rows.map(
    (r) =>
      `| ${r.name.replaceAll('|', '\\|')} | ${fixed(r.selfMs, 0)} | ${percent(r.selfMs, busyMs)} | ${percent(r.totalMs, busyMs)} |${perCompletion ? ` ${fixed(r.selfMs / completions, 3)} |` : ''}`,
  );
  return [head, ...lines].join('\n');
}

if (load.windows.length > 0) {
  console.log(
    `Load: ${load.windows.length} window(s), ${fixed(windowMs / 1000, 1)} s, ${completions} completions${load.clerks ? ` by ${load.clerks} clerks` : ''} (${fixed((completions * 1000) / windowMs, 1)} /s)\n`,
  );
}
for (const role of readdirSync(folder).filter((name) => statSync(path.join(folder, name)).isDirectory()).sort()) {
  const files = readdirSync(path.join(folder, role)).filter((name) => name.endsWith('.cpuprofile')).sort();
  for (const file of files) {
    const profile = JSON.parse(readFileSync(path.join(folder, role, file), 'utf8')) as CpuProfile;
    const result = breakdownOf(profile, load.windows);
    const busyMs = result.sampledMs - result.idleMs;
    const thread = /\.\d+\.(\d+)\.\d+\.cpuprofile$/.exec(file)?.[1] ?? '?';
    console.log(`### ${role} process, thread ${thread} (${file})\n`);
    console.log(
      `Sampled ${fixed(result.sampledMs, 0)} ms in the window(s): busy ${fixed(busyMs, 0)} ms (${percent(busyMs, result.sampledMs)} of one core), idle ${fixed(result.idleMs, 0)} ms${completions > 0 ? `; busy ${fixed(busyMs / completions, 2)} ms per completion` : ''}.\n`,
    );
    if (busyMs < 0.02 * result.sampledMs) {
      console.log('Nearly idle: no table.\n');
      continue;
    }
    console.log(`${table(result.groups.filter((r) => r.selfMs > 0 || r.totalMs > 0.01 * busyMs), busyMs, 'group')}\n`);
    console.log(`${table(result.functions.slice(0, FUNCTIONS), busyMs, 'function (self time)')}\n`);
  }
}
