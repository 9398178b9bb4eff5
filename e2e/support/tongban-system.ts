import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder above `e2e/`). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where the built console must be for `tongban start` to serve it. */
export const consoleIndex = path.join(repoRoot, 'designer', 'dist', 'index.html');

/** Environment variables that would point `tongban start` at a developer's own servers or port. */
const inheritedSettings = ['DATABASE_URL', 'REDIS_URL', 'PORT', 'HOST', 'TONGBAN_DATA_DIR', 'TONGBAN_INTAKE_API_KEYS'];

/** Lines of the server's output kept for the message of a failed start. */
const keptLines = 40;

/** Milliseconds the orderly shutdown may take before the process is killed. */
const shutdownTimeoutMs = 60_000;

/** Thrown when the system does not come up; the message quotes the end of its output. */
export class SystemStartError extends Error {
  readonly code = 'system-start-failed';

  constructor(message: string) {
    super(message);
    this.name = 'SystemStartError';
  }
}

/** Options of {@link startSystem}. */
export interface StartSystemOptions {
  /** The intake API key the system accepts in `X-Api-Key`. */
  intakeApiKey: string;
  /** File that receives everything the server prints. */
  logFile: string;
  /** Milliseconds to wait for "Tongban is ready". */
  readyTimeoutMs: number;
}

/** A Tongban started by {@link startSystem}. */
export interface RunningSystem {
  /** Base URL of the console and the API, e.g. `http://127.0.0.1:41234`. */
  url: string;
  intakeApiKey: string;
  /** The folder holding this run's PostgreSQL data; removed by `stop()`. */
  dataRoot: string;
  /** SIGTERM, waits for the orderly shutdown (listener, workers, PostgreSQL, Redis), removes the data. */
  stop(): Promise<void>;
}

/**
 * Starts the real system as an operator would: `tongban start --virtual-clock --port 0`, on an
 * embedded PostgreSQL whose data lives in a fresh temporary folder (`TONGBAN_DATA_DIR`) and a
 * `redis-server` of its own, so every run begins from the seed and never touches `.data/`.
 * `DATABASE_URL` and `REDIS_URL` of the caller's environment are not passed on.
 *
 * @throws {SystemStartError} when the console is not built, the process exits early, or it is
 *   not ready within `readyTimeoutMs`.
 */
export async function startSystem(options: StartSystemOptions): Promise<RunningSystem> {
  if (!existsSync(consoleIndex)) {
    throw new SystemStartError(`The console is not built (${consoleIndex} is missing): run npm run build -w @tongban/designer`);
  }
  const dataRoot = await mkdtemp(path.join(tmpdir(), 'tongban-e2e-'));
  // As root, PostgreSQL runs as the 'postgres' user, which must reach the data folder's parent.
  await chmod(dataRoot, 0o755);

  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of inheritedSettings) delete env[name];
  env.TONGBAN_DATA_DIR = path.join(dataRoot, 'postgres');
  env.TONGBAN_INTAKE_API_KEYS = options.intakeApiKey;

  const child = spawn(
    process.execPath,
    [path.join(repoRoot, 'runtime', 'bin', 'tongban.mjs'), 'start', '--virtual-clock', '--port', '0'],
    { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log = createWriteStream(options.logFile);
  const tail: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let ready: (url: string) => void = () => undefined;
  const readyUrl = new Promise<string>((resolve) => {
    ready = resolve;
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      log.write(`${line}\n`);
      tail.push(line);
      if (tail.length > keptLines) tail.shift();
      const url = readyLineUrl(line);
      if (url !== undefined) ready(url);
    });
  }

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => {
        log.write(`e2e: no exit ${shutdownTimeoutMs} ms after SIGTERM, sending SIGKILL\n`);
        child.kill('SIGKILL');
      }, shutdownTimeoutMs);
      await exited;
      clearTimeout(killer);
    }
    log.end();
    await rm(dataRoot, { recursive: true, force: true });
  };

  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    readyUrl.then((url) => ({ kind: 'ready' as const, url })),
    exited.then((code) => ({ kind: 'exited' as const, code })),
    new Promise<{ kind: 'timeout' }>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'timeout' }), options.readyTimeoutMs);
    }),
  ]);
  clearTimeout(timer);
  if (outcome.kind !== 'ready') {
    await stop();
    const why = outcome.kind === 'exited' ? `exited with code ${String(outcome.code)}` : `was not ready within ${options.readyTimeoutMs} ms`;
    throw new SystemStartError(`tongban start ${why}; its last lines:\n${tail.join('\n')}`);
  }
  return { url: outcome.url, intakeApiKey: options.intakeApiKey, dataRoot, stop };
}

/** The `url` of Tongban's JSON ready line (`{"msg":"Tongban is ready","url":…}`); undefined for any other line. */
function readyLineUrl(line: string): string | undefined {
  if (!line.includes('"msg":"Tongban is ready"')) return undefined;
  const { url } = JSON.parse(line) as { url?: unknown };
  return typeof url === 'string' ? url : undefined;
}
