import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import type { Logger } from 'pino';
import type { RoleName } from '../health/health.ts';

/** Parses a TCP port given on the command line. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new InvalidArgumentError('expected a TCP port number, 0-65535.');
  return port;
}

interface RoleFlags {
  virtualClock?: boolean;
  port?: number;
  healthPort?: number;
}

/**
 * `tongban start [--virtual-clock] [--port N]`, `tongban api [--port N]` and
 * `tongban worker [--health-port N]`: each runs until SIGTERM or SIGINT, then shuts down in order
 * within `TONGBAN_SHUTDOWN_GRACE_MS`; a second signal exits at once.
 */
export function registerRoleCommands(program: Command): void {
  program
    .command('start')
    .description('start PostgreSQL and Redis (embedded unless DATABASE_URL / REDIS_URL), migrate, seed, run the workers, serve API and console')
    .option('--virtual-clock', 'run on a virtual clock moved by POST /api/v1/clock/advance', false)
    .option('--port <n>', 'HTTP port (default: PORT or 3000; 0 picks a free one)', parsePort)
    .action((flags: RoleFlags) => runRole('start', flags));
  program
    .command('api')
    .description('serve the HTTP API and console on DATABASE_URL and REDIS_URL (no workers; migrate first)')
    .option('--port <n>', 'HTTP port (default: PORT or 3000; 0 picks a free one)', parsePort)
    .addOption(new Option('--virtual-clock').hideHelp())
    .action((flags: RoleFlags) => runRole('api', flags));
  program
    .command('worker')
    .description('run timers, service tasks, outbox dispatch and notifications on DATABASE_URL and REDIS_URL (migrate first)')
    .option('--health-port <n>', 'port of /healthz, /readyz and /metrics (default: TONGBAN_HEALTH_PORT or 3001; 0 picks a free one)', parsePort)
    .addOption(new Option('--virtual-clock').hideHelp())
    .action((flags: RoleFlags) => runRole('worker', flags));
}

async function runRole(role: RoleName, flags: RoleFlags): Promise<void> {
  const { loadConfig } = await import('../infra/config.ts');
  const { createLogger } = await import('../logging/create-logger.ts');
  const { Shutdown } = await import('../roles/shutdown.ts');
  const { startRole } = await import('../roles/start-role.ts');
  let loaded: ReturnType<typeof loadConfig>;
  try {
    loaded = loadConfig();
  } catch (error) {
    logStartError(createLogger({ role, level: 'info' }), role, error);
    process.exitCode = 1;
    return;
  }
  const config = {
    ...loaded,
    ...(flags.port === undefined ? {} : { port: flags.port }),
    ...(flags.healthPort === undefined ? {} : { healthPort: flags.healthPort }),
  };
  const log = createLogger({ role, level: config.logLevel });
  const shutdown = new Shutdown({ graceMs: config.shutdownGraceMs, log });
  shutdown.listen();
  try {
    await startRole({ role, config, shutdown, log, virtualClock: flags.virtualClock === true });
  } catch (error) {
    logStartError(log, role, error);
    await shutdown.run(`tongban ${role} did not start`, 1);
  }
}

/** Logs why `role` did not start: the error's stable `code` and message; the stack only of an error that has no code. */
function logStartError(log: Logger, role: RoleName, error: unknown): void {
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  log.fatal(code === undefined ? { err: error } : { code }, `tongban ${role} did not start: ${message}`);
}
