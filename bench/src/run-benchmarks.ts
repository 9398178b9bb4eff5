/**
 * The suite (`npm run bench [-- OPTIONS]` at the repository root): runs every benchmark in a
 * process of its own, one after another, prints one table, writes
 * `bench/results/<timestamp>-<mode>.json` and `bench/results/latest.json`, and (with `--report`)
 * the figures part of BENCHMARKS.md.
 *
 * Options: `--quick` (small sizes, under two minutes), `--only ID[,ID…]`, `--report` (update
 * BENCHMARKS.md), `--before FILE` (a results file to compare with in BENCHMARKS.md),
 * `--render FILE` (only rewrite BENCHMARKS.md from FILE, running nothing), `--merge FILE` (the
 * benchmarks run now replace theirs in a copy of FILE, e.g. one re-run with `--only`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchmarks } from './benchmarks.ts';
import { readMachine } from './machine.ts';
import { renderReport, replaceReport } from './render-report.ts';
import { renderTable } from './render-table.ts';
import { resultsFileStamp, type BenchmarkResult, type RunResults } from './results.ts';
import { runBenchmark, wasInterrupted } from './run-benchmark.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const resultsDir = path.join(repoRoot, 'bench', 'results');
const reportFile = path.join(repoRoot, 'BENCHMARKS.md');

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return undefined;
  const value = process.argv[index + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
  return value;
}

function readResults(file: string): RunResults {
  const resolved = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  if (!existsSync(resolved)) throw new Error(`The results file ${file} does not exist (looked at ${resolved})`);
  return JSON.parse(readFileSync(resolved, 'utf8')) as RunResults;
}

function writeReport(run: RunResults, resultsName: string, beforeFile: string | undefined): void {
  const before = beforeFile === undefined ? undefined : { run: readResults(beforeFile), name: path.basename(beforeFile) };
  const document = existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : '# Benchmarks\n';
  writeFileSync(reportFile, replaceReport(document, renderReport(run, resultsName, before)));
  console.log(`BENCHMARKS.md updated from ${resultsName}${before ? `, compared with ${before.name}` : ''}`);
}

const renderOnly = option('render');
if (renderOnly !== undefined) {
  writeReport(readResults(renderOnly), path.basename(renderOnly), option('before'));
} else {
  const quick = process.argv.includes('--quick');
  const only = option('only')?.split(',');
  const unknown = only?.filter((id) => !benchmarks.some((b) => b.id === id)) ?? [];
  if (unknown.length > 0) throw new Error(`No benchmark is called ${unknown.join(', ')}; there are ${benchmarks.map((b) => b.id).join(', ')}`);
  const selected = benchmarks.filter((b) => only === undefined || only.includes(b.id));
  const startedAt = new Date();
  const machine = readMachine(repoRoot);
  console.log(
    `Tongban benchmark suite, ${quick ? 'quick' : 'full'} run of ${selected.length} benchmark(s) on ${machine.cores} × ${machine.cpu}; load average ${machine.loadAverage.start.join(', ')}`,
  );
  const results: BenchmarkResult[] = [];
  for (const spec of selected) {
    console.log(`\n▶ ${spec.id}: ${spec.title}`);
    const result = await runBenchmark(spec, { repoRoot, quick });
    console.log(`■ ${spec.id}: ${result.status}${result.reason ? ` (${result.reason})` : ''} in ${result.durationSeconds.toFixed(1)} s`);
    results.push(result);
    if (wasInterrupted()) {
      console.log('Interrupted: no further benchmark runs');
      break;
    }
  }
  machine.loadAverage.end = os.loadavg().map((n) => Math.round(n * 100) / 100);
  const mergeFile = option('merge');
  const earlier = mergeFile === undefined ? undefined : readResults(mergeFile);
  const merged = earlier
    ? earlier.benchmarks.map((b) => results.find((r) => r.id === b.id) ?? b).concat(results.filter((r) => !earlier.benchmarks.some((b) => b.id === r.id)))
    : results;
  const run: RunResults = {
    format: 1,
    mode: quick ? 'quick' : 'full',
    startedAt: (earlier?.startedAt ?? startedAt.toISOString()),
    finishedAt: new Date().toISOString(),
    machine: earlier ? { ...earlier.machine, loadAverage: { ...earlier.machine.loadAverage, ...(machine.loadAverage.end ? { end: machine.loadAverage.end } : {}) } } : machine,
    benchmarks: merged,
    ...(mergeFile === undefined ? {} : { mergedInto: path.basename(mergeFile) }),
  };
  mkdirSync(resultsDir, { recursive: true });
  const name = `${resultsFileStamp(startedAt)}-${run.mode}.json`;
  const text = `${JSON.stringify(run, null, 2)}\n`;
  writeFileSync(path.join(resultsDir, name), text);
  writeFileSync(path.join(resultsDir, 'latest.json'), text);
  console.log(`\n${renderTable(merged)}\n`);
  console.log(`Results: bench/results/${name} (and latest.json); ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s in all`);
  if (process.argv.includes('--report')) writeReport(run, name, option('before'));
  if (results.some((r) => r.status === 'failed' || r.status === 'timed-out')) process.exitCode = 1;
}
