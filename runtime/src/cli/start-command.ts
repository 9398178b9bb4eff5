import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';

/** Parses a TCP port given on the command line. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new InvalidArgumentError('expected a TCP port number, 0-65535.');
  return port;
}

/**
 * `tongban start [--virtual-clock] [--port N]`: runs everything until SIGINT or SIGTERM, then shuts
 * down in order; a second signal exits at once.
 */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('start PostgreSQL and Redis (embedded unless DATABASE_URL / REDIS_URL), migrate, seed, serve API and console')
    .option('--virtual-clock', 'run on a virtual clock moved by POST /api/v1/clock/advance', false)
    .option('--port <n>', 'HTTP port (default: PORT or 3000; 0 picks a free one)', parsePort)
    .action(async (options: { virtualClock: boolean; port?: number }) => {
      const { loadConfig } = await import('../infra/config.ts');
      const { startTongban } = await import('./start.ts');
      const config = loadConfig();
      const running = await startTongban({
        config: { ...config, ...(options.port === undefined ? {} : { port: options.port }) },
        virtualClock: options.virtualClock,
      });
      let stopping = false;
      const shutdown = (signal: NodeJS.Signals) => {
        if (stopping) {
          console.log(`${signal} again: exiting now`);
          process.exit(1);
        }
        stopping = true;
        console.log(`${signal}: shutting down`);
        running.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            console.error('tongban: shutdown failed:', error);
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
    });
}
