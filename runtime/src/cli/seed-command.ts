import type { Command } from 'commander';

/** `tongban seed`: loads jurisdictions, departments, demo users and workflows (idempotent). */
export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('load the demo organisation, demo users and workflows into a migrated database (idempotent)')
    .action(async () => {
      const { createDb } = await import('../db/client.ts');
      const { loadConfig } = await import('../infra/config.ts');
      const { startLocalServices } = await import('../infra/local-services.ts');
      const { seedAll } = await import('../seed/seed-all.ts');
      const { redactUrl } = await import('./redact-url.ts');
      const services = await startLocalServices(loadConfig(), { redis: false });
      const handle = createDb(services.databaseUrl, { max: 2 });
      try {
        const result = await seedAll(handle.db, { now: new Date() });
        const parts = [
          ...(['jurisdictions', 'departments', 'users'] as const).map(
            (table) => `${table} +${result[table].inserted} ~${result[table].updated}`,
          ),
          `workflows published ${result.workflows.published.length === 0 ? 'none' : result.workflows.published.join(' ')}`,
        ];
        console.log(`Seeded ${redactUrl(services.databaseUrl)}: ${parts.join(', ')}`);
      } finally {
        await handle.close();
        await services.stop();
      }
    });
}
