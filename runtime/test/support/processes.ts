import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { tongbanArgs } from '../../src/cli/run-cli.ts';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** How a process the test started ended. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A process a test started, with its output kept line by line. */
export interface TestProcess {
  readonly pid: number;
  /** Every line it printed so far, stdout and stderr together. */
  output(): string;
  /** Resolves with the first match of `pattern` in its output; rejects when it exits first or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Settles when it has exited. */
  readonly exited: Promise<ProcessExit>;
  /** True until it has exited. */
  running(): boolean;
  /** Sends `signal` to it (its pid only). */
  kill(signal: NodeJS.Signals): void;
  /**
   * For the test's cleanup: when it still runs, SIGKILL to it and to every process below it,
   * by pid; waits until they are gone.
   */
  ensureStopped(): Promise<void>;
}

/** Variables of the test runner's own environment that would point a child at other servers. */
const SETTINGS = ['DATABASE_URL', 'REDIS_URL', 'PORT', 'HOST', 'TONGBAN_DATA_DIR', 'TONGBAN_INTAKE_API_KEYS', 'TONGBAN_QUEUE_PREFIX', 'TONGBAN_HEALTH_PORT', 'TONGBAN_SHUTDOWN_GRACE_MS', 'TONGBAN_SWEEP_INTERVAL_MS'];

/** The test runner's environment without Tongban's settings, plus `env`. */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SETTINGS) delete base[name];
  return { ...base, ...env };
}

/** Starts `command args` with `env` added to a clean environment. */
export function startProcess(command: string, args: readonly string[], options: { env?: Record<string, string>; cwd?: string } = {}): TestProcess {
  const child = spawn(command, args, { env: childEnv(options.env ?? {}), stdio: ['ignore', 'pipe', 'pipe'], ...(options.cwd && { cwd: options.cwd }) });
  if (child.pid === undefined) throw new Error(`${command} could not be started`);
  const pid = child.pid;
  const lines: string[] = [];
  const watchers = new Set<() => void>();
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      for (const watcher of watchers) watcher();
    });
  }
  let done = false;
  let closed = false;
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('exit', (code, signal) => {
      done = true;
      // Lines still in the pipes arrive after 'exit'; 'close' follows them.
      child.once('close', () => {
        closed = true;
        for (const watcher of watchers) watcher();
        resolve({ code, signal });
      });
    });
  });
  const output = () => lines.join('\n');
  return {
    pid,
    output,
    exited,
    running: () => !done,
    kill: (signal) => process.kill(pid, signal),
    waitFor(pattern, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output());
          if (match) {
            finish();
            resolve(match);
          } else if (closed) {
            finish();
            reject(new Error(`${command} ${args.join(' ')} exited before printing ${pattern}:\n${output()}`));
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`${command} ${args.join(' ')} did not print ${pattern} within ${timeoutMs} ms:\n${output()}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          watchers.delete(check);
        };
        watchers.add(check);
        check();
      });
    },
    async ensureStopped() {
      if (done) return;
      const tree = processTree(pid);
      for (const member of tree) {
        try {
          process.kill(member, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await exited;
      await waitUntilGone(tree, 10_000);
    },
  };
}

/** The fields of a role's JSON `ready` line (`Tongban is ready`, `Tongban api is ready`, `Tongban worker is ready`). */
export interface ReadyLine {
  role: 'start' | 'api' | 'worker';
  pid: number;
  version: string;
  /** Base URL of the API and console (`start`, `api`). */
  url?: string;
  /** Base URL of `/healthz`, `/readyz` and `/metrics` (`worker`). */
  healthUrl?: string;
}

const READY_LINE = /^\{.*"msg":"Tongban (?:api |worker )?is ready".*\}$/m;

/** Waits for the role's JSON `ready` line and answers its fields. */
export async function waitForReady(process: TestProcess, timeoutMs?: number): Promise<ReadyLine> {
  const [line] = await process.waitFor(READY_LINE, timeoutMs);
  return JSON.parse(line) as ReadyLine;
}

/** Waits for the role's JSON `ready` line and answers the URL of its API (`start`, `api`). */
export async function waitForUrl(process: TestProcess, timeoutMs?: number): Promise<string> {
  const { url } = await waitForReady(process, timeoutMs);
  if (url === undefined) throw new Error('The ready line names no url: not an HTTP role');
  return url;
}

/** Starts the real `tongban` command line with `args` (the TypeScript sources, see `tongbanArgs`). */
export function startTongban(args: readonly string[], env: Record<string, string>): TestProcess {
  return startProcess(process.execPath, tongbanArgs(args), { env });
}

/**
 * Starts `node runtime/bin/tongban.mjs args` from the repository root: the compiled command line, as
 * an operator runs it (build it first: {@link buildCompiled}).
 */
export function startCompiledTongban(args: readonly string[], env: Record<string, string>): TestProcess {
  return startProcess(process.execPath, ['runtime/bin/tongban.mjs', ...args], { env, cwd: repoRoot });
}

/** Builds the compiled runtime as `npm start` does (turbo: nothing to do when the sources did not change). */
export async function buildCompiled(): Promise<void> {
  const build = startProcess('npx', ['turbo', 'run', 'build', '--filter=@tongban/runtime', '--output-logs=errors-only'], { cwd: repoRoot });
  const exit = await build.exited;
  if (exit.code !== 0) throw new Error(`The runtime did not build:\n${build.output()}`);
}

/** `pid` and every process below it (children, their children, …), read from `/proc`. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat === undefined) continue;
    children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), Number(entry)]);
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i += 1) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** True while `pid` runs (an exited process not yet reaped by its parent counts as gone). */
export function isRunning(pid: number): boolean {
  const stat = readStat(pid);
  return stat !== undefined && stat.state !== 'Z';
}

/** Waits until none of `pids` runs; returns those still running after `timeoutMs`. */
export async function waitUntilGone(pids: readonly number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = pids.filter(isRunning);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function readStat(pid: number): { ppid: number; state: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}
