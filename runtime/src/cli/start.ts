import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import type { Clock } from '../clock/index.ts';
import { createVirtualClock, systemClock } from '../clock/index.ts';
import { createDb } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { loggableError } from '../http/middleware/loggable-error.ts';
import { createApp } from '../http/app.ts';
import { createRuntime } from '../runtime.ts';
import type { TongbanConfig } from '../infra/config.ts';
import { InfraError } from '../infra/infra-error.ts';
import { startLocalServices } from '../infra/local-services.ts';
import { loadOrganisationSeed } from '../seed/organisation-seed.ts';
import { seedAll } from '../seed/seed-all.ts';
import { formatDemoLogins } from './demo-logins.ts';

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
  /** Stops the listener, then the database pool, then the servers this process started. */
  stop(): Promise<void>;
}

/** Milliseconds given to open HTTP requests to finish before their connections are cut. */
const httpDrainMs = 5_000;

/**
 * Composes Tongban (runtime-contract.md): PostgreSQL and Redis (embedded unless `DATABASE_URL` /
 * `REDIS_URL`) → migrations → seed → the runtime and its workers → the HTTP app with the console
 * (when `designer/dist` is built) → listen; prints the URL, the demo logins and the intake API key.
 * `stop()` closes in the reverse order: listener, workers and queues, database pool, servers.
 */
export async function startTongban(options: StartOptions): Promise<RunningTongban> {
  const print = options.print ?? ((line: string) => console.log(line));
  const { config } = options;
  const services = await startLocalServices(config, { redis: true, notice: print });
  const stops: (() => Promise<void>)[] = [() => services.stop()];
  const stopAll = async () => {
    for (const step of stops.reverse()) await step();
  };
  try {
    await migrateDatabase(services.databaseUrl);
    const handle = createDb(services.databaseUrl, { max: 20 });
    stops.push(() => handle.close());
    const clock: Clock = options.virtualClock ? await createVirtualClock(handle.db) : systemClock;
    await seedAll(handle.db, { now: clock.now() });
    const runtime = await createRuntime({
      db: handle.db,
      redisUrl: services.redisUrl,
      clock,
      logger: { info: (message) => print(message), error: (message, error) => console.error(message, error === undefined ? '' : loggableError(error)) },
    });
    stops.push(() => runtime.stop());
    await runtime.startWorkers();

    const hasConsole = existsSync(path.join(config.consoleDir, 'index.html'));
    if (!hasConsole) {
      print(`Console not built (${config.consoleDir} has no index.html): serving the API only; run npm run build -w @tongban/designer`);
    }
    const app = createApp(
      runtime,
      { intakeApiKeys: config.intakeApiKeys, ...(hasConsole ? { consoleDir: config.consoleDir } : {}) },
    );
    const server = await listen(app.fetch, config.host, config.port);
    stops.push(() => closeServer(server));
    const address = server.address() as AddressInfo;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${address.port}`;

    print(
      `Tongban is ready at ${url}${hasConsole ? '' : ' (API only)'} in ${process.uptime().toFixed(1)} s — API ${url}/api/v1, OpenAPI ${url}/api/openapi.json`,
    );
    print(`Clock: ${clock.virtual ? `virtual, now ${clock.now().toISOString()}` : 'system'}`);
    for (const line of formatDemoLogins(loadOrganisationSeed())) print(line);
    print(`Intake API key (X-Api-Key): ${config.intakeApiKeys.join(', ')}`);
    return { url, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function listen(fetch: (request: Request) => Response | Promise<Response>, hostname: string, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname, port }, () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new InfraError('port-in-use', `Port ${port} on ${hostname} is in use: stop what holds it, or pass --port N (0 picks a free port)`)
          : error,
      );
    });
  });
}

/**
 * Stops accepting connections, closes idle keep-alive sockets at once and the rest after
 * {@link httpDrainMs} (Node's `close()` alone waits for idle keep-alive sockets; pitfalls B36b).
 */
async function closeServer(server: ServerType): Promise<void> {
  const http = server as import('node:http').Server;
  const closed = new Promise<void>((resolve) => http.close(() => resolve()));
  http.closeIdleConnections();
  const timer = setTimeout(() => http.closeAllConnections(), httpDrainMs);
  await closed;
  clearTimeout(timer);
}
