import { existsSync } from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import type { Logger } from 'pino';
import type { Clock } from '../clock/index.ts';
import { createVirtualClock, systemClock } from '../clock/index.ts';
import { createDb } from '../db/client.ts';
import { migrateDatabase, pendingMigrations } from '../db/migrate.ts';
import { virtualClock as virtualClockTable } from '../db/schema/index.ts';
import { Health, healthRoutes, roleChecks, type RoleName } from '../health/index.ts';
import { createApp } from '../http/app.ts';
import type { TongbanConfig } from '../infra/config.ts';
import { startLocalServices } from '../infra/local-services.ts';
import { createLogger, httpLogger, requestLogger, runtimeLogger } from '../logging/index.ts';
import { metricsRoutes, readDatabaseFigures, TongbanMetrics } from '../metrics/index.ts';
import { createRuntime } from '../runtime.ts';
import { demoLogins } from '../cli/demo-logins.ts';
import { redactUrl } from '../cli/redact-url.ts';
import { loadOrganisationSeed } from '../seed/organisation-seed.ts';
import { seedAll } from '../seed/seed-all.ts';
import { drainServer, listen, serverUrl } from './http-server.ts';
import { RoleError } from './role-error.ts';
import { runtimeVersion } from './runtime-version.ts';
import type { Shutdown } from './shutdown.ts';

/** Options of {@link startRole}. */
export interface RoleOptions {
  role: RoleName;
  config: TongbanConfig;
  /** Receives a step for everything started, so a signal at any moment stops what is up. */
  shutdown: Shutdown;
  /** `start` only: run on the virtual clock of the database, moved by `POST /api/v1/clock/advance`. */
  virtualClock?: boolean;
  /** The process's log (start-up, requests, errors, the workers' lines). Default a pino logger on standard output at `config.logLevel`. */
  log?: Logger;
}

/** A role that is up. */
export interface RunningRole {
  role: RoleName;
  /** Base URL of the HTTP API and console (`start`, `api`). */
  url?: string;
  /** Base URL of `/healthz`, `/readyz` and `/metrics`: the HTTP port, or `worker`'s health port. */
  healthUrl: string;
}

/** Share of the grace period by which the HTTP requests in flight must be done. */
const HTTP_DRAIN_SHARE = 0.4;
/** Share of the grace period by which the workers' running jobs must be done (then handed back). */
const WORKER_DRAIN_SHARE = 0.8;

/**
 * Starts one role of Tongban (DESIGN.md §4), adding to `shutdown` a step for each part as it
 * comes up, so the shutdown stops them in reverse order:
 *
 * - `start`: PostgreSQL and Redis (embedded unless `DATABASE_URL` / `REDIS_URL`), migrations,
 *   seed, the runtime with its workers, the HTTP API and console with `/healthz` and `/readyz`;
 * - `api`: the HTTP API and console on `DATABASE_URL` and `REDIS_URL`; no workers, no sweeper
 *   (a completion still dispatches its own outbox rows after commit);
 * - `worker`: the timer and service workers, the sweeper and the Redis watch on `DATABASE_URL` and
 *   `REDIS_URL`, and `/healthz`, `/readyz` and `/metrics` on the health port.
 *
 * Every role logs JSON lines through pino (one per request on `start` and `api`) and answers
 * `/metrics` beside its health endpoints.
 *
 * `api` and `worker` neither migrate nor seed: they refuse a database whose migrations are not all
 * applied, and a database run on the virtual clock (its timers fire only through the workers of
 * `tongban start --virtual-clock`, in the same process as the API that moves the clock).
 *
 * @throws {RoleError} a missing URL, a refused flag, migrations pending, a virtual-clock database.
 */
export async function startRole(options: RoleOptions): Promise<RunningRole> {
  const { role, config, shutdown } = options;
  const log = options.log ?? createLogger({ role, level: config.logLevel });
  if (role !== 'start' && options.virtualClock) {
    throw new RoleError(
      'virtual-clock-needs-start',
      `tongban ${role} runs on the system clock: a virtual clock fires its timers through the workers of the process that moves it; run tongban start --virtual-clock`,
    );
  }

  let databaseUrl: string;
  let redisUrl: string;
  if (role === 'start') {
    const services = await startLocalServices(config, { redis: true, notice: (line) => log.warn(line) });
    const embedded = [services.embedded.postgres && 'PostgreSQL', services.embedded.redis && 'Redis'].filter((n) => typeof n === 'string');
    if (embedded.length > 0) shutdown.add({ name: `embedded ${embedded.join(' and ')}`, run: () => services.stop() });
    databaseUrl = services.databaseUrl;
    redisUrl = services.redisUrl;
    await migrateDatabase(databaseUrl);
  } else {
    databaseUrl = requireUrl(config.databaseUrl, 'DATABASE_URL', role, 'the PostgreSQL every role shares, e.g. postgres://tongban:secret@db:5432/tongban');
    redisUrl = requireUrl(config.redisUrl, 'REDIS_URL', role, 'the Redis every role shares, e.g. redis://cache:6379');
  }

  const handle = createDb(databaseUrl, { max: 20, applicationName: `tongban-${role}` });
  shutdown.add({ name: 'database pool', run: () => handle.close() });
  if (role !== 'start') {
    const pending = await pendingMigrations(handle.sql);
    if (pending.length > 0) {
      throw new RoleError(
        'migrations-pending',
        `The database ${redactUrl(databaseUrl)} lacks ${pending.length} migration(s) (${pending.join(', ')}): run tongban migrate with the same DATABASE_URL, then start the roles`,
      );
    }
    const [virtualRow] = await handle.db.select().from(virtualClockTable).limit(1);
    if (virtualRow !== undefined) {
      throw new RoleError(
        'virtual-clock-database',
        `The database ${redactUrl(databaseUrl)} runs on a virtual clock (now ${virtualRow.now.toISOString()}): tongban ${role} runs on the system clock; serve it with tongban start --virtual-clock`,
      );
    }
  }
  const clock: Clock = options.virtualClock ? await createVirtualClock(handle.db) : systemClock;
  if (role === 'start') await seedAll(handle.db, { now: clock.now() });

  const logger = runtimeLogger(log);
  const metrics = new TongbanMetrics(role);
  const runtime = await createRuntime({
    db: handle.db,
    redisUrl,
    queuePrefix: config.queuePrefix,
    clock,
    sweepIntervalMs: config.sweepIntervalMs,
    logger,
    steps: metrics,
    caseNumberPrefix: config.caseNumberPrefix,
    webhookAllowedHosts: config.webhookAllowedHosts,
    serviceAllowedHosts: config.serviceAllowedHosts,
  });
  shutdown.add({ name: 'queues and Redis connections', run: () => runtime.stop() });
  metrics.watchSystem({ queueJobCounts: () => runtime.queueJobCounts(), databaseFigures: () => readDatabaseFigures(handle.db, clock.now()) }, logger);
  const runsWorkers = role !== 'api';
  const health = new Health({ role, checks: roleChecks(runtime, handle.sql, { workers: runsWorkers }) });
  shutdown.onBegin(() => health.markShuttingDown());

  let healthUrl: string | undefined;
  if (role === 'worker') {
    // Up before the workers (answering 503 until they run) and closed after them.
    const healthPort = new Hono().route('/', healthRoutes(health)).route('/', metricsRoutes(metrics));
    const server = await listen(healthPort.fetch, config.host, config.healthPort, 'TONGBAN_HEALTH_PORT or --health-port');
    shutdown.add({ name: 'health server', run: (until) => drainServer(server, until) });
    healthUrl = serverUrl(server, config.host);
  }
  if (runsWorkers) {
    await runtime.startWorkers();
    shutdown.add({
      name: 'workers',
      by: WORKER_DRAIN_SHARE,
      run: async (until) => {
        const { handedBack } = await runtime.stopWorkers({ forceAfterMs: Math.max(0, until - Date.now()) });
        if (handedBack.length > 0) return `${handedBack.length} running job(s) handed back to the queue: ${handedBack.join(', ')}`;
      },
    });
  }
  if (role === 'worker') {
    log.info(
      { version: runtimeVersion, healthUrl, health: `${healthUrl}/healthz`, readiness: `${healthUrl}/readyz`, metrics: `${healthUrl}/metrics`, startupSeconds: uptimeSeconds() },
      'Tongban worker is ready',
    );
    return { role, healthUrl: healthUrl as string };
  }

  const hasConsole = existsSync(path.join(config.consoleDir, 'index.html'));
  if (!hasConsole) {
    log.warn({ consoleDir: config.consoleDir }, `Console not built (${config.consoleDir} has no index.html): serving the API only; run npm run build -w @tongban/designer`);
  }
  const onRequest = requestLogger(log);
  const app = createApp(runtime, {
    intakeApiKeys: config.intakeApiKeys,
    health,
    metrics,
    logger: httpLogger(log),
    onRequest: (line) => {
      metrics.observeRequest({ method: line.method, route: line.route, status: line.status, seconds: line.durationMs / 1_000 });
      onRequest(line);
    },
    ...(hasConsole ? { consoleDir: config.consoleDir } : {}),
  });
  const server = await listen(app.fetch, config.host, config.port);
  shutdown.add({ name: 'HTTP server', by: HTTP_DRAIN_SHARE, run: (until) => drainServer(server, until) });
  const url = serverUrl(server, config.host);
  log.info(
    {
      version: runtimeVersion,
      url,
      console: hasConsole,
      api: `${url}/api/v1`,
      openapi: `${url}/api/openapi.json`,
      health: `${url}/healthz`,
      readiness: `${url}/readyz`,
      metrics: `${url}/metrics`,
      startupSeconds: uptimeSeconds(),
    },
    role === 'start' ? 'Tongban is ready' : 'Tongban api is ready',
  );
  if (role === 'start') {
    const seed = loadOrganisationSeed();
    log.info(
      { clock: clock.virtual ? 'virtual' : 'system', ...(clock.virtual ? { now: clock.now().toISOString() } : {}) },
      `Clock: ${clock.virtual ? `virtual, now ${clock.now().toISOString()}` : 'system'}`,
    );
    log.info({ password: seed.demoPassword, logins: demoLogins(seed) }, `Demo logins, password ${seed.demoPassword}`);
    log.info({ intakeApiKeys: config.intakeApiKeys }, `Intake API key (X-Api-Key): ${config.intakeApiKeys.join(', ')}`);
  }
  return { role, url, healthUrl: url };
}

function uptimeSeconds(): number {
  return Math.round(process.uptime() * 10) / 10;
}

function requireUrl(value: string | undefined, variable: string, role: RoleName, what: string): string {
  if (value !== undefined) return value;
  throw new RoleError(
    'setting-missing',
    `tongban ${role} needs ${variable}: ${what}. tongban ${role} starts no servers of its own; tongban start does, for one machine`,
  );
}
