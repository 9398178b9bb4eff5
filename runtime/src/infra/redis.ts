import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { freePort } from './free-port.ts';
import { InfraError } from './infra-error.ts';
import { ServerProcess } from './server-process.ts';

/** Options of {@link startLocalRedis}. */
export interface LocalRedisOptions {
  /** TCP port on 127.0.0.1; a free one when absent. */
  port?: number;
  /** Receives every line redis-server prints. Default: kept only for error messages. */
  onServerLine?: (line: string) => void;
}

/** A running redis-server child process. */
export interface LocalRedis {
  url: string;
  port: number;
  /** SIGTERM (no save), then SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/**
 * Runs `redis-server` from PATH on 127.0.0.1 for BullMQ: no persistence (`--save ''`,
 * `--appendonly no`; its working directory is the system temp folder, so even a manual `SAVE`
 * writes nothing into the checkout) and `maxmemory-policy noeviction`, since BullMQ's locks carry
 * TTLs that an evicting policy may drop (pitfalls B19; BullMQ docs, "Going to production").
 *
 * @throws {InfraError} `redis-not-installed` when `redis-server` is not on PATH, naming the Debian package.
 */
export async function startLocalRedis(options: LocalRedisOptions = {}): Promise<LocalRedis> {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).error !== undefined) {
    throw new InfraError(
      'redis-not-installed',
      'redis-server was not found on PATH: install it (Debian/Ubuntu: apt-get install redis-server), or set REDIS_URL',
    );
  }
  const workDir = tmpdir();
  const attempts = options.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt += 1) {
    const port = options.port ?? (await freePort());
    try {
      const server = await ServerProcess.start({
        name: 'redis-server',
        command: 'redis-server',
        args: [
          '--port', String(port),
          '--bind', '127.0.0.1',
          '--save', '',
          '--appendonly', 'no',
          '--dir', workDir,
          '--maxmemory-policy', 'noeviction',
        ],
        readyText: 'Ready to accept connections',
        stopSignal: 'TERM',
        cwd: workDir,
        ...(options.onServerLine === undefined ? {} : { onLine: options.onServerLine }),
      });
      return {
        port,
        url: `redis://127.0.0.1:${port}`,
        stop: () => server.stop(10_000),
      };
    } catch (error) {
      const portTaken = error instanceof Error && /Address already in use/.test(error.message);
      if (!portTaken || attempt >= attempts) throw error;
    }
  }
}
