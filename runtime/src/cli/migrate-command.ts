import type { Command } from 'commander';

/** `tongban migrate`: applies the pending migrations (embedded PostgreSQL unless `DATABASE_URL`). */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (embedded PostgreSQL unless DATABASE_URL is set)')
    .action(async () => {
      const { migrateDatabase } = await import('../db/migrate.ts');
      const { loadConfig } = await import('../infra/config.ts');
      const { startLocalServices } = await import('../infra/local-services.ts');
      const { redactUrl } = await import('./redact-url.ts');
      const services = await startLocalServices(loadConfig(), { redis: false });
      try {
        await migrateDatabase(services.databaseUrl);
        console.log(`Migrations applied to ${redactUrl(services.databaseUrl)}`);
      } finally {
        await services.stop();
      }
    });
}
