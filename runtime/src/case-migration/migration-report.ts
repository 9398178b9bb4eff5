import type { ActiveNodeMigration, MigrationRefusalReason } from '@tongban/engine';
import type { TimerKind } from '../db/schema/index.ts';

/** Which cases of a version move, and how (POST /definitions/{key}/migrations[/dry-run]). */
export interface MigrationInput {
  key: string;
  sourceVersion: number;
  targetVersion: number;
  /** Source node id → target node id; an active node not named keeps its id. */
  mapping: Record<string, string>;
  /** The cases to move; absent: every running case of the source version (at most {@link MIGRATION_CASE_LIMIT}). */
  caseIds?: string[];
}

/** The most cases one migration request moves or checks. */
export const MIGRATION_CASE_LIMIT = 500;

/**
 * Why a case does not move: the engine's reasons, `case-not-found`, `case-not-on-source-version`
 * (another workflow or version), or the code of an error met while moving it.
 */
export type CaseMigrationRefusal = MigrationRefusalReason | 'case-not-found' | 'case-not-on-source-version' | 'signer-pending' | (string & {});

/** One open task or waiting activity of a case, and what happens to it. */
export interface TaskMigration extends ActiveNodeMigration {
  /** The task row id, for a userTask. */
  taskId: string | null;
  /** The department the task goes to on the target version, when it changes (its claim is released). */
  targetDepartmentId?: string;
}

/**
 * One live timer of a case and what happens to it: `kept` with its due date, `recounted` from its
 * start with the target's limit, `cancelled` (the target has no such limit) or `armed` (a limit the
 * target adds, counted from the task's start).
 */
export interface TimerMigration {
  /** The timer row; null for one to be armed. */
  timerId: string | null;
  kind: TimerKind;
  taskId: string | null;
  action: 'kept' | 'recounted' | 'cancelled' | 'armed';
  dueAt: string | null;
  targetDueAt: string | null;
}

/** What happens (dry run) or happened (apply) to one case. */
export interface CaseMigrationResult {
  caseId: string;
  /** `ready`: a dry run found nothing in the way; `migrated`: it moved; `refused`: it stays, for `reason`. */
  status: 'ready' | 'migrated' | 'refused';
  reason?: CaseMigrationRefusal;
  tasks: TaskMigration[];
  timers: TimerMigration[];
}

/** The answer of a migration request. */
export interface MigrationReport {
  key: string;
  sourceVersion: number;
  targetVersion: number;
  dryRun: boolean;
  cases: CaseMigrationResult[];
}
