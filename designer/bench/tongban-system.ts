import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The repository root (two folders above this file). */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Environment variables that would point `tongban start` at someone's own servers, port or data. */
const inheritedSettings = ['DATABASE_URL', 'REDIS_URL', 'PORT', 'HOST', 'TONGBAN_DATA_DIR', 'TONGBAN_INTAKE_API_KEYS'];

/** Lines of the server's output quoted when it does not start. */
const keptLines = 30;

/** Milliseconds to wait for "Tongban is ready". */
const readyTimeoutMs = 180_000;

/** Milliseconds the orderly shutdown may take before the process is killed. */
const shutdownTimeoutMs = 60_000;

/** Thrown when `tongban start` does not come up; the message quotes the end of its output. */
export class SystemStartError extends Error {
  readonly code = 'system-start-failed';

  constructor(message: string) {
    super(message);
    this.name = 'SystemStartError';
  }
}

/** A Tongban started by {@link startTongban}. */
export interface RunningTongban {
  /** Base URL of the console and the API, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** SIGTERM, waits for the orderly shutdown, removes the data folder. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts `tongban start --virtual-clock --port 0` from the repository root on an embedded
 * PostgreSQL whose data lives in a fresh temporary folder (`TONGBAN_DATA_DIR`), so the run begins
 * from the seed and never touches `.data/`. The runtime serves the built console (`designer/dist`).
 *
 * @throws {SystemStartError} when the process exits early or is not ready in time.
 */
export async function startTongban(): Promise<RunningTongban> {
  const dataRoot = await mkdtemp(path.join(tmpdir(), 'tongban-bench-'));
  // As root, PostgreSQL runs as the 'postgres' user, which must reach the data folder's parent.
  await chmod(dataRoot, 0o755);
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of inheritedSettings) delete env[name];
  env.TONGBAN_DATA_DIR = path.join(dataRoot, 'postgres');

  const child = spawn(process.execPath, [path.join(repoRoot, 'runtime', 'bin', 'tongban.mjs'), 'start', '--virtual-clock', '--port', '0'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let ready: (url: string) => void = () => undefined;
  const readyUrl = new Promise<string>((resolve) => {
    ready = resolve;
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      tail.push(line);
      if (tail.length > keptLines) tail.shift();
      const url = readyLineUrl(line);
      if (url !== undefined) ready(url);
    });
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), shutdownTimeoutMs);
        await exited;
        clearTimeout(killer);
      }
      await rm(dataRoot, { recursive: true, force: true });
    })();
    return stopping;
  };

  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    readyUrl.then((url) => ({ kind: 'ready' as const, url })),
    exited.then((code) => ({ kind: 'exited' as const, code })),
    new Promise<{ kind: 'timeout' }>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'timeout' }), readyTimeoutMs);
    }),
  ]);
  clearTimeout(timer);
  if (outcome.kind !== 'ready') {
    await stop();
    const why = outcome.kind === 'exited' ? `exited with code ${String(outcome.code)}` : `was not ready within ${readyTimeoutMs} ms`;
    throw new SystemStartError(`tongban start ${why}; its last lines:\n${tail.join('\n')}`);
  }
  return { url: outcome.url, stop };
}

/** The `url` of Tongban's JSON ready line (`{"msg":"Tongban is ready","url":…}`); undefined for any other line. */
function readyLineUrl(line: string): string | undefined {
  if (!line.includes('"msg":"Tongban is ready"')) return undefined;
  const { url } = JSON.parse(line) as { url?: unknown };
  return typeof url === 'string' ? url : undefined;
}
