import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freePort } from '../src/infra/free-port.ts';
import type { BenchServices } from './bench-system.ts';

/** The intake API key the HTTP benchmarks file cases with (`X-Api-Key`). */
export const BENCH_INTAKE_API_KEY = 'bench-intake-key';

/** Milliseconds a role process may take to print `ready`. */
const READY_TIMEOUT_MS = 60_000;

/** A Tongban role running in a process of its own. */
export interface RoleProcess {
  role: 'api' | 'worker';
  pid: number;
  /** The base URL of an `api` process. */
  url?: string;
  /** SIGTERM, then SIGKILL after 15 s. */
  stop(): Promise<void>;
}

/**
 * The command line of a role. Today a small entry that composes the role from the runtime
 * (`role-process.ts`); once the CLI has `tongban api` and `tongban worker`, this is the one place
 * to switch to them.
 */
function roleCommand(role: 'api' | 'worker'): string[] {
  return [process.execPath, ...cpuProfileFlags(role), '--import', 'tsx', fileURLToPath(new URL('./role-process.ts', import.meta.url)), role];
}

/**
 * With `TONGBAN_BENCH_CPU_PROF=<folder>`, each role process writes a V8 CPU profile per thread in
 * a subfolder named after the role when it stops (`<folder>/<role>/CPU.….cpuprofile`, a sample
 * every 500 µs), for `npm run cpu-profile -w @tongban/bench -- <folder>`.
 */
function cpuProfileFlags(role: 'api' | 'worker'): string[] {
  const folder = process.env.TONGBAN_BENCH_CPU_PROF;
  if (!folder) return [];
  return ['--cpu-prof', '--cpu-prof-dir', join(folder, role), '--cpu-prof-interval', '500'];
}

async function startRole(role: 'api' | 'worker', services: BenchServices, env: NodeJS.ProcessEnv): Promise<RoleProcess> {
  const [program, ...args] = roleCommand(role) as [string, ...string[]];
  const child: ChildProcess = spawn(program, args, {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl, TONGBAN_INTAKE_API_KEYS: BENCH_INTAKE_API_KEY, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The ${role} process did not start in ${READY_TIMEOUT_MS / 1000} s:\n${tail.join('\n')}`)), READY_TIMEOUT_MS);
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        tail.push(line);
        if (tail.length > 20) tail.shift();
        if (line.startsWith('ready')) {
          clearTimeout(timer);
          resolve(line.slice('ready'.length).trim());
        } else console.log(`  [${role} ${child.pid}] ${line}`);
      });
    }
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The ${role} process exited with ${code} before it was ready:\n${tail.join('\n')}`));
    });
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
  };
  try {
    const url = await ready;
    return { role, pid: child.pid as number, ...(url === '' ? {} : { url }), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Starts `count` API processes, each on a free port of 127.0.0.1. */
export async function startApiProcesses(services: BenchServices, count: number): Promise<RoleProcess[]> {
  const started: RoleProcess[] = [];
  try {
    for (let n = 0; n < count; n += 1) started.push(await startRole('api', services, { PORT: String(await freePort()) }));
    return started;
  } catch (error) {
    await Promise.all(started.map((p) => p.stop()));
    throw error;
  }
}

/** Starts one worker process (timers, services, outbox sweeper). */
export function startWorkerProcess(services: BenchServices): Promise<RoleProcess> {
  return startRole('worker', services, {});
}

/** Resident set size of process `pid` now, in MiB (from `/proc/<pid>/status`). */
export function residentMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** Samples the RSS of `pids` every `intervalMs` until `stop()`, which returns each one's peak in MiB. */
export function sampleMemory(pids: readonly number[], intervalMs = 250): { stop(): Map<number, number> } {
  const peaks = new Map(pids.map((pid) => [pid, residentMiB(pid)]));
  const timer = setInterval(() => {
    for (const pid of pids) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, residentMiB(pid)));
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      for (const pid of pids) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, residentMiB(pid)));
      return peaks;
    },
  };
}
