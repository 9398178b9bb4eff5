import { Command, CommanderError } from 'commander';
import { registerSimulateCommand } from '../simulate/simulate-command.ts';
import { registerCheckCommand } from './check-command.ts';
import { registerDueCommand } from './due-command.ts';
import { registerMigrateCommand } from './migrate-command.ts';
import { registerSeedCommand } from './seed-command.ts';
import { registerRoleCommands } from './role-commands.ts';

/** Exit code of a command line that cannot be used (unknown flag, bad value). */
export const usageExitCode = 2;

/** The `tongban` command line program with every command registered. */
export function createProgram(): Command {
  const program = new Command('tongban')
    .description('Tongban (通办): cross-department case handling against legal time limits')
    .showHelpAfterError(false)
    .exitOverride();
  registerRoleCommands(program);
  registerMigrateCommand(program);
  registerSeedCommand(program);
  registerDueCommand(program);
  registerCheckCommand(program);
  registerSimulateCommand(program);
  return program;
}

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : usageExitCode;
  } else {
    console.error(error instanceof Error ? `tongban: ${error.message}` : error);
    process.exitCode = 1;
  }
}
