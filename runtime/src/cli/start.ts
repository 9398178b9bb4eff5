import type { Logger } from 'pino';
import type { TongbanConfig } from '../infra/config.ts';
import { createLogger } from '../logging/create-logger.ts';
import { Shutdown } from '../roles/shutdown.ts';
import { startRole } from '../roles/start-role.ts';

/** Options of {@link startTongban}. */
export interface StartOptions {
  config: TongbanConfig;
  /** Run on a virtual clock that moves only through `POST /api/v1/clock/advance`. */
  virtualClock: boolean;
  /** Receives the start-up and shutdown lines. Default a pino logger on standard output at `config.logLevel`. */
  log?: Logger;
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
  const log = options.log ?? createLogger({ role: 'start', level: options.config.logLevel });
  const shutdown = new Shutdown({ graceMs: options.config.shutdownGraceMs, log, exit: () => undefined });
  try {
    const running = await startRole({ role: 'start', config: options.config, shutdown, virtualClock: options.virtualClock, log });
    return { url: running.url as string, stop: () => shutdown.run('stop') };
  } catch (error) {
    await shutdown.run('start-up failed');
    throw error;
  }
}
