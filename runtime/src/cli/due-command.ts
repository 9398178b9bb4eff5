import type { Command } from 'commander';
import type { DueArguments } from './due.ts';

/**
 * `tongban due --from DATE[TIME] (--working-days N | --working-hours N) [--calendar KEY]`: prints one
 * JSON object `{ from, dueDate, dueAt, provisional }`; an unusable flag prints one line naming it and
 * exits with code 2.
 */
export function registerDueCommand(program: Command): void {
  program
    .command('due')
    .description('print the due date of a time limit as one JSON object { from, dueDate, dueAt, provisional }')
    .option('--from <date>', "start: YYYY-MM-DD or YYYY-MM-DDTHH:mm (calendar's local time), or with Z / an offset")
    .option('--working-days <n>', 'limit in working days (whole)')
    .option('--working-hours <n>', 'limit in working hours')
    .option('--calendar <key>', 'business calendar (default: cn-mainland)')
    .action(async (options: DueArguments, command: Command) => {
      const { computeDue, DueUsageError } = await import('./due.ts');
      try {
        console.log(JSON.stringify(computeDue(options)));
      } catch (error) {
        if (error instanceof DueUsageError) command.error(`error: ${error.message}`, { exitCode: 2, code: error.code });
        throw error;
      }
    });
}
