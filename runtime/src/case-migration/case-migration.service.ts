import { and, asc, eq, inArray } from 'drizzle-orm';
import { planCaseMigration } from '@tongban/engine';
import type { CaseMigrationPlan, MachineConfigJson, MigrationVersion, UserTask } from '@tongban/engine';
import type { CalendarBook } from '../calendars/calendar-book.ts';
import type { CaseExecutor } from '../cases/case-executor.ts';
import type { Tx } from '../cases/transaction.ts';
import type { Db } from '../db/client.ts';
import { cases, tasks, timers, type CaseRow, type TaskRow, type TimerRow } from '../db/schema/index.ts';
import type { DefinitionStore, PublishedDefinition } from '../definitions/definition-store.ts';
import { InvalidInputError, TongbanError } from '../errors/index.ts';
import type { Organisation } from '../organisation/organisation.ts';
import { applyCaseMigration, reroutedDepartment } from './apply-case-migration.ts';
import { MIGRATION_CASE_LIMIT, type CaseMigrationResult, type MigrationInput, type MigrationReport, type TaskMigration } from './migration-report.ts';
import { planTimerChanges } from './plan-timer-changes.ts';

const OPEN_TASK = ['open', 'claimed'] as const;
const LIVE_TIMER = ['pending', 'paused'] as const;

function versionOf(published: PublishedDefinition): MigrationVersion {
  return { definition: published.definition, machine: published.machine as unknown as MachineConfigJson };
}

/**
 * Moves running cases of one workflow version to a later version by a node mapping (source node →
 * target node): a dry run says for each chosen case what would happen to its open tasks and live
 * timers; an apply moves each case in a transaction of its own with the case row locked
 * (DESIGN.md §4), checking it again under the lock. Tasks keep their rows, assignees and SLA
 * history; a limit that changed is recounted from the task's start on the case's calendar; each
 * moved case records `case.migrated`.
 */
export class CaseMigrationService {
  constructor(
    private readonly options: {
      db: Db;
      executor: CaseExecutor;
      definitions: DefinitionStore;
      organisation: () => Promise<Organisation>;
      calendars: () => Promise<CalendarBook>;
    },
  ) {}

  /**
   * What moving the chosen cases would do, changing nothing.
   * @throws NotFoundError `definition-not-found`; InvalidInputError `invalid-migration` naming the field.
   */
  async dryRun(input: MigrationInput): Promise<MigrationReport> {
    const { source, target } = await this.versions(input);
    const [organisation, calendars] = await Promise.all([this.options.organisation(), this.options.calendars()]);
    const rows = await this.chosenCases(input);
    const results: CaseMigrationResult[] = [];
    for (const caseId of this.caseIdsOf(input, rows)) {
      const row = rows.find((r) => r.id === caseId);
      const refusal = this.caseRefusal(input, row);
      if (refusal !== undefined || row === undefined) {
        results.push({ caseId, status: 'refused', reason: refusal ?? 'case-not-found', tasks: [], timers: [] });
        continue;
      }
      const { openTasks, liveTimers } = await this.liveRowsOf(this.options.db, caseId);
      if (hasAddedSigner(openTasks)) {
        results.push({ caseId, status: 'refused', reason: 'signer-pending', tasks: [], timers: [] });
        continue;
      }
      const plan = planCaseMigration(versionOf(source), versionOf(target), row.snapshot, input.mapping);
      const changes = planTimerChanges({ plan, source: versionOf(source), target: versionOf(target), calendar: calendars.get(row.calendarKey), tasks: openTasks, timers: liveTimers });
      const taskMigrations = plan.nodes.map((node): TaskMigration => {
        const task = openTasks.find((t) => t.activationId === node.activationId);
        const targetNode = target.definition.nodes.find((n) => n.id === node.targetNodeId);
        const department =
          task !== undefined && node.action === 'mapped' && targetNode?.type === 'userTask'
            ? reroutedDepartment({ organisation, case: row }, task, targetNode as UserTask)
            : undefined;
        return { ...node, taskId: task?.id ?? null, ...(department === undefined ? {} : { targetDepartmentId: department }) };
      });
      results.push({
        caseId,
        status: plan.refusal === undefined ? 'ready' : 'refused',
        ...(plan.refusal === undefined ? {} : { reason: plan.refusal }),
        tasks: taskMigrations,
        timers: plan.refusal === undefined ? changes.map((change) => change.report) : [],
      });
    }
    return { key: input.key, sourceVersion: input.sourceVersion, targetVersion: input.targetVersion, dryRun: true, cases: results };
  }

  /**
   * Moves the chosen cases, each in its own transaction with its row locked; a case refused (or
   * changed since the dry run so that it no longer moves) stays where it is and says why.
   * @throws NotFoundError `definition-not-found`; InvalidInputError `invalid-migration` naming the field.
   */
  async apply(input: MigrationInput, actorId: string | null): Promise<MigrationReport> {
    const { source, target } = await this.versions(input);
    const calendars = await this.options.calendars();
    const rows = await this.chosenCases(input);
    const results: CaseMigrationResult[] = [];
    for (const caseId of this.caseIdsOf(input, rows)) {
      if (!rows.some((r) => r.id === caseId)) {
        results.push({ caseId, status: 'refused', reason: 'case-not-found', tasks: [], timers: [] });
        continue;
      }
      try {
        results.push(
          await this.options.executor.withCase(caseId, actorId, async (unit): Promise<CaseMigrationResult> => {
            const refusal = this.caseRefusal(input, unit.case);
            if (refusal !== undefined) return { caseId, status: 'refused', reason: refusal, tasks: [], timers: [] };
            const plan: CaseMigrationPlan = planCaseMigration(versionOf(source), versionOf(target), unit.case.snapshot, input.mapping);
            if (plan.refusal !== undefined) {
              return { caseId, status: 'refused', reason: plan.refusal, tasks: plan.nodes.map((node) => ({ ...node, taskId: null })), timers: [] };
            }
            const { openTasks, liveTimers } = await this.liveRowsOf(unit.tx, caseId);
            if (hasAddedSigner(openTasks)) return { caseId, status: 'refused', reason: 'signer-pending', tasks: [], timers: [] };
            const changes = planTimerChanges({ plan, source: versionOf(source), target: versionOf(target), calendar: calendars.get(unit.case.calendarKey), tasks: openTasks, timers: liveTimers });
            const moved = await applyCaseMigration(
              unit,
              { plan, target: versionOf(target), sourceVersion: input.sourceVersion, targetVersion: input.targetVersion, mapping: input.mapping },
              openTasks,
              changes,
            );
            return { caseId, status: 'migrated', tasks: moved, timers: changes.map((change) => change.report) };
          }),
        );
      } catch (error) {
        if (!(error instanceof TongbanError)) throw error;
        results.push({ caseId, status: 'refused', reason: error.code, tasks: [], timers: [] });
      }
    }
    return { key: input.key, sourceVersion: input.sourceVersion, targetVersion: input.targetVersion, dryRun: false, cases: results };
  }

  /** Both versions, after checking that the target is later and that the mapping names nodes of each. */
  private async versions(input: MigrationInput): Promise<{ source: PublishedDefinition; target: PublishedDefinition }> {
    if (input.targetVersion <= input.sourceVersion) {
      throw new InvalidInputError('invalid-migration', `Cases move only to a later version: ${input.targetVersion} is not after ${input.sourceVersion}`, {
        field: 'targetVersion',
        reason: 'not after sourceVersion',
      });
    }
    const source = await this.options.definitions.get(input.key, input.sourceVersion);
    const target = await this.options.definitions.get(input.key, input.targetVersion);
    for (const [from, to] of Object.entries(input.mapping)) {
      if (!source.definition.nodes.some((node) => node.id === from)) {
        throw new InvalidInputError('invalid-migration', `Version ${input.sourceVersion} has no node '${from}'`, { field: `mapping.${from}`, reason: 'not a node of the source version' });
      }
      if (!target.definition.nodes.some((node) => node.id === to)) {
        throw new InvalidInputError('invalid-migration', `Version ${input.targetVersion} has no node '${to}'`, { field: `mapping.${from}`, reason: 'not a node of the target version' });
      }
    }
    return { source, target };
  }

  /** The named cases, or every running case of the source version (oldest first, at most the limit). */
  private async chosenCases(input: MigrationInput): Promise<CaseRow[]> {
    if (input.caseIds !== undefined) return input.caseIds.length === 0 ? [] : this.options.db.select().from(cases).where(inArray(cases.id, input.caseIds));
    return this.options.db
      .select()
      .from(cases)
      .where(and(eq(cases.definitionKey, input.key), eq(cases.definitionVersion, input.sourceVersion), inArray(cases.status, ['active', 'suspended'])))
      .orderBy(asc(cases.createdAt), asc(cases.id))
      .limit(MIGRATION_CASE_LIMIT);
  }

  private caseIdsOf(input: MigrationInput, rows: readonly CaseRow[]): string[] {
    return input.caseIds ?? rows.map((row) => row.id);
  }

  private caseRefusal(input: MigrationInput, row: CaseRow | undefined): string | undefined {
    if (row === undefined) return 'case-not-found';
    if (row.definitionKey !== input.key || row.definitionVersion !== input.sourceVersion) return 'case-not-on-source-version';
    return undefined;
  }

  private async liveRowsOf(connection: Db | Tx, caseId: string): Promise<{ openTasks: TaskRow[]; liveTimers: TimerRow[] }> {
    const [openTasks, liveTimers] = await Promise.all([
      connection.select().from(tasks).where(and(eq(tasks.caseId, caseId), inArray(tasks.status, [...OPEN_TASK]))),
      connection.select().from(timers).where(and(eq(timers.caseId, caseId), inArray(timers.status, [...LIVE_TIMER]))),
    ]);
    return { openTasks, liveTimers };
  }
}

/**
 * Whether an open task of the case has an added signer (加签), or is one's task: the engine does not
 * know a signer's activation, so such a case moves only once the signer has acted or been removed.
 */
function hasAddedSigner(openTasks: readonly TaskRow[]): boolean {
  return openTasks.some((task) => task.signing !== null);
}
