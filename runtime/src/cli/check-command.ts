import type { Command } from 'commander';

/**
 * `tongban check`: checks every open case of the database at `DATABASE_URL` (its snapshot against
 * its open tasks, pending timers, service invocations and audit trail); prints one line per
 * finding and a summary; exits with code 1 when something does not agree.
 */
export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description("check that each open case's snapshot agrees with its open tasks, pending timers and audit trail (DATABASE_URL); exit code 1 when not")
    .action(async () => {
      const { createDb } = await import('../db/client.ts');
      const { loadConfig } = await import('../infra/config.ts');
      const { checkDatabase } = await import('../invariants/check-database.ts');
      const { redactUrl } = await import('./redact-url.ts');
      const { databaseUrl } = loadConfig();
      if (databaseUrl === undefined) {
        console.error('tongban check needs DATABASE_URL: the PostgreSQL of the system to check, e.g. postgres://tongban:secret@db:5432/tongban');
        process.exitCode = 1;
        return;
      }
      const handle = createDb(databaseUrl, { max: 2, applicationName: 'tongban-check' });
      try {
        const { cases, findings } = await checkDatabase(handle.db);
        for (const finding of findings) console.log(`case ${finding.caseId}: ${finding.rule}: ${finding.message}`);
        console.log(`${cases} open case(s) of ${redactUrl(databaseUrl)} checked: ${findings.length === 0 ? 'every snapshot agrees with its rows' : `${findings.length} finding(s)`}`);
        if (findings.length > 0) process.exitCode = 1;
      } finally {
        await handle.close();
      }
    });
}
