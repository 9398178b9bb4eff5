import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { BenchmarkSpec } from './benchmarks.ts';
import { FIGURES_FILE_VARIABLE, QUICK_VARIABLE, type BenchmarkOutput } from './figures.ts';
import type { BenchmarkResult } from './results.ts';

/** Milliseconds between SIGTERM and SIGKILL when a benchmark overruns. */
const KILL_GRACE_MS = 30_000;

/** Set once the runner was asked to stop (SIGINT, SIGTERM): no further benchmark starts. */
let interrupted = false;

/** Whether the runner was interrupted while a benchmark ran. */
export function wasInterrupted(): boolean {
  return interrupted;
}

/** Runs `command` in `cwd` with its output prefixed; resolves with its exit code (null: killed). */
function runProcess(
  command: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; prefix: string; timeoutMs: number },
): Promise<{ code: number | null; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const [program, ...args] = command as [string, ...string[]];
    // A process group of its own, so that a timeout stops the servers it started too.
    const child = spawn(program, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => console.log(`${options.prefix} ${line}`));
    }
    let timedOut = false;
    let killer: NodeJS.Timeout | undefined;
    // Ctrl-C or a SIGTERM to the runner reaches the benchmark's group too, so its servers stop.
    const forward = (signal: NodeJS.Signals) => {
      interrupted = true;
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      killer = setTimeout(() => {
        if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
      }, KILL_GRACE_MS);
    }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      clearTimeout(timer);
      if (killer) clearTimeout(killer);
      resolve({ code, timedOut });
    });
  });
}

/**
 * Runs one benchmark in a process of its own (`node --import tsx SCRIPT ARGS` in its package
 * folder) and reads the figures it wrote to the file named by `TONGBAN_BENCH_FIGURES`.
 */
export async function runBenchmark(spec: BenchmarkSpec, options: { repoRoot: string; quick: boolean }): Promise<BenchmarkResult> {
  const args = options.quick ? spec.args.quick : spec.args.full;
  const command = `node --import tsx ${spec.script} ${(args ?? []).join(' ')}`.trim();
  const load = loadavg()[0] as number;
  const base = { id: spec.id, title: spec.title, command, startedAt: new Date().toISOString(), figures: [], details: {} };
  const ended = () => ({ loadAverage: { start: Math.round(load * 100) / 100, end: Math.round((loadavg()[0] as number) * 100) / 100 } });
  if (args === null) return { ...base, status: 'skipped', reason: 'full run only', durationSeconds: 0 };
  const cwd = path.join(options.repoRoot, spec.cwd);
  const folder = await mkdtemp(path.join(tmpdir(), 'tongban-suite-'));
  const figuresFile = path.join(folder, 'figures.json');
  const env: NodeJS.ProcessEnv = { ...process.env, [FIGURES_FILE_VARIABLE]: figuresFile, [QUICK_VARIABLE]: options.quick ? '1' : '0' };
  const started = performance.now();
  try {
    if (spec.prepare && !options.quick) {
      const prepared = await runProcess(spec.prepare, { cwd, env, prefix: `[${spec.id}:prepare]`, timeoutMs: spec.timeoutMs });
      if (prepared.code !== 0) {
        return { ...base, status: 'failed', reason: `${spec.prepare.join(' ')} exited ${prepared.code}`, durationSeconds: (performance.now() - started) / 1000 };
      }
    }
    const { code, timedOut } = await runProcess([process.execPath, '--import', 'tsx', spec.script, ...args], {
      cwd,
      env,
      prefix: `[${spec.id}]`,
      timeoutMs: spec.timeoutMs,
    });
    const output = await readFile(figuresFile, 'utf8').then(
      (text) => JSON.parse(text) as BenchmarkOutput,
      () => ({ figures: [], details: {} }) as BenchmarkOutput,
    );
    const durationSeconds = (performance.now() - started) / 1000;
    if (timedOut) return { ...base, ...output, ...ended(), status: 'timed-out', reason: `stopped after ${spec.timeoutMs / 60_000} min`, durationSeconds };
    if (code !== 0) return { ...base, ...output, ...ended(), status: 'failed', reason: interrupted ? 'interrupted' : `exit code ${code}`, durationSeconds };
    return { ...base, ...output, ...ended(), status: 'ok', durationSeconds };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
