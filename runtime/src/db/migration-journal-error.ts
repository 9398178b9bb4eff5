/** Stable codes of a migration journal that disagrees with the database. */
export type MigrationJournalErrorCode = 'migration-back-dated' | 'migration-edited' | 'migration-missing';

/** One disagreement between the journal and `drizzle.__drizzle_migrations`. */
export interface MigrationJournalProblem {
  code: MigrationJournalErrorCode;
  /** The migration's tag (`0011_case_notes`); for a missing one, `hash:<first 12 hex digits>`. */
  migration: string;
  /** What is wrong and what to do, naming the migration. */
  message: string;
}

/**
 * The journal of migrations (`migrations/meta/_journal.json`) disagrees with what the database
 * recorded in `drizzle.__drizzle_migrations`, so migrating would silently skip or contradict a
 * migration (drizzle-orm 0.45 applies only entries newer than the newest applied row and never
 * compares hashes). Nothing was applied. `code` is the first problem's; `problems` lists them all.
 */
export class MigrationJournalError extends Error {
  readonly code: MigrationJournalErrorCode;
  readonly problems: readonly MigrationJournalProblem[];

  constructor(problems: readonly [MigrationJournalProblem, ...MigrationJournalProblem[]]) {
    super(
      `The migrations do not agree with the database; nothing was applied.\n${problems.map((p) => `- [${p.code}] ${p.message}`).join('\n')}`,
    );
    this.name = 'MigrationJournalError';
    this.code = problems[0].code;
    this.problems = problems;
  }
}

/** True when `error` is a {@link MigrationJournalError}. */
export function isMigrationJournalError(error: unknown): error is MigrationJournalError {
  return error instanceof MigrationJournalError;
}
