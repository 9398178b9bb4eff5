import type { TongbanConfig } from '../infra/config.ts';
import { Shutdown } from '../roles/shutdown.ts';
import { startRole } from '../roles/start-role.ts';

/** Options of {@link startTongban}. */
export interface StartOptions {
  config: TongbanConfig;
  /** Run on a virtual clock that moves only through `POST /api/v1/clock/advance`. */
  virtualClock: boolean;
  /** Receives every line to show the operator. Default `console.log`. */
  print?: (line: string) => void;
}

/** A running Tongban. */
export interface RunningTongban {
  /** Base URL of the HTTP server, e.g. `http://127.0.0.1:3000`. */
  url: string;
  /** Stops it in order (listener, workers, queues, database pool, the servers it started); does not exit the process. */
  stop(): Promise<void>;
}

/**
 * Starts the `start` role in this process ({@link startRole}): PostgreSQL and Redis (embedded
 * unless `DATABASE_URL` / `REDIS_URL`), migrations, seed, workers, the HTTP API and the console.
 * When start-up fails, what was started is stopped again before the error is thrown.
 */
export async function startTongban(options: StartOptions): Promise<RunningTongban> {
  const print = options.print ?? ((line: string) => console.log(line));
  const shutdown = new Shutdown({ graceMs: options.config.shutdownGraceMs, print, exit: () => undefined });
  try {
    const running = await startRole({ role: 'start', config: options.config, shutdown, virtualClock: options.virtualClock, print });
    return { url: running.url as string, stop: () => shutdown.run('stop') };
  } catch (error) {
    await shutdown.run('start-up failed');
    throw error;
  }
}
