import { and, eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { isEngineError } from '@tongban/engine';
import type { FeelEvaluator } from '@tongban/engine';
import type { CalendarBook } from '../calendars/calendar-book.ts';
import type { Clock } from '../clock/index.ts';
import type { Db } from '../db/client.ts';
import { cases, incidents, tasks, type CaseRow } from '../db/schema/index.ts';
import type { DefinitionStore, PublishedDefinition } from '../definitions/definition-store.ts';
import { ConflictError, NotFoundError, TongbanError } from '../errors/index.ts';
import type { FeelBudgetDetails } from '../feel/feel-budget-conflict.ts';
import type { Organisation } from '../organisation/organisation.ts';
import type { StepKind, StepObserver } from '../metrics/tongban-metrics.ts';
import type { OutboxDispatcher } from '../outbox/outbox-dispatcher.ts';
import { CaseUnit } from './case-unit.ts';
import type { Tx } from './transaction.ts';

const DEADLOCK_ATTEMPTS = 3;

/** Whether `error` (or its cause, as drizzle wraps it) is PostgreSQL's deadlock_detected. */
function isDeadlock(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if ((current as { code?: unknown }).code === '40P01') return true;
  }
  return false;
}

/**
 * The 409 `deadline-not-countable` for a count the business calendar refused while a case's effects
 * were carried out (`invalid-duration`, `invalid-date`), or undefined for any other error.
 * Validation bounds every limit a definition sets and the virtual clock stays in the countable
 * range, so this is left for what neither covers: a virtual clock an older version moved past
 * 9999, a definition published before limits were bounded, a calendar with too few working days
 * to count a limit within a century. The case is left as it was.
 */
function uncountableDeadline(error: unknown): ConflictError | undefined {
  if (!isEngineError(error, 'invalid-duration') && !isEngineError(error, 'invalid-date')) return undefined;
  return new ConflictError('deadline-not-countable', `A deadline of this case cannot be counted on its business calendar: ${error.message}`, {
    reason: error.code,
  });
}

/** What the executor needs. */
export interface CaseExecutorOptions {
  db: Db;
  clock: Clock;
  definitions: DefinitionStore;
  /** The organisation tasks are routed in (loaded once, cached by the caller). */
  organisation: () => Promise<Organisation>;
  /** The business calendars (loaded once, reloaded by the caller when one changes). */
  calendars: () => Promise<CalendarBook>;
  dispatcher: OutboxDispatcher;
  /** Evaluates the FEEL of every step under a budget (`BoundedFeelEvaluator`). */
  feel: FeelEvaluator;
  /** Receives each step's duration, from the start of its transaction to its commit or rollback (retries included). */
  steps?: StepObserver;
}

/**
 * Applies events to cases durably (DESIGN.md §4): each in one transaction that locks the case row
 * (`SELECT … FOR UPDATE`), runs the work on a {@link CaseUnit} and writes the next snapshot, task
 * rows, audit events, timers and outbox rows; after commit the outbox rows are dispatched.
 */
export class CaseExecutor {
  constructor(private readonly options: CaseExecutorOptions) {}

  /** The evaluator of the steps' FEEL. */
  get feel(): FeelEvaluator {
    return this.options.feel;
  }

  /** The clock the executor stamps events with. */
  get clock(): Clock {
    return this.options.clock;
  }

  /**
   * Runs `work` on case `caseId`, locked, in one transaction, attributed to `actorId`.
   * @throws NotFoundError `case-not-found`.
   */
  async withCase<T>(caseId: string, actorId: string | null, work: (unit: CaseUnit) => Promise<T>): Promise<T> {
    const [organisation, calendars] = await Promise.all([this.options.organisation(), this.options.calendars()]);
    const { value, outboxRows } = await this.transaction('case', async (tx) => {
      const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
      if (!row) throw new NotFoundError('case-not-found', `Case '${caseId}' does not exist`, { caseId });
      const definition = await this.options.definitions.get(row.definitionKey, row.definitionVersion, tx);
      const unit = this.unitOf(tx, organisation, calendars, definition, row, actorId);
      const result = await work(unit);
      return { value: result, outboxRows: await unit.save() };
    });
    await this.options.dispatcher.dispatch(outboxRows);
    return value;
  }

  /**
   * Runs `work` on the case of task `taskId`, locked, in one transaction (`FOR UPDATE OF cases`,
   * found through the task). The task row is not handed on: read in the statement that waited for
   * the lock, it may predate what the lock holder committed, so `work` reads it again.
   * @throws NotFoundError `task-not-found`.
   */
  async withCaseOfTask<T>(taskId: string, actorId: string | null, work: (unit: CaseUnit) => Promise<T>): Promise<T> {
    const [organisation, calendars] = await Promise.all([this.options.organisation(), this.options.calendars()]);
    const { value, outboxRows } = await this.transaction('task', async (tx) => {
      const [found] = await tx
        .select({ case: cases })
        .from(tasks)
        .innerJoin(cases, eq(cases.id, tasks.caseId))
        .where(eq(tasks.id, taskId))
        .for('update', { of: cases });
      if (!found) throw new NotFoundError('task-not-found', `Task '${taskId}' does not exist`, { taskId });
      const definition = await this.options.definitions.get(found.case.definitionKey, found.case.definitionVersion, tx);
      const unit = this.unitOf(tx, organisation, calendars, definition, found.case, actorId);
      const result = await work(unit);
      return { value: result, outboxRows: await unit.save() };
    });
    await this.options.dispatcher.dispatch(outboxRows);
    return value;
  }

  /**
   * Runs `work` in one transaction that first inserts a case row through `insert` (which returns
   * undefined when the row already exists, e.g. a duplicate idempotency key: then nothing else runs).
   */
  async withNewCase<T>(
    definition: PublishedDefinition,
    actorId: string | null,
    insert: (tx: Tx, now: Date) => Promise<CaseRow | undefined>,
    work: (unit: CaseUnit) => Promise<T>,
  ): Promise<T | undefined> {
    const [organisation, calendars] = await Promise.all([this.options.organisation(), this.options.calendars()]);
    const { value, outboxRows } = await this.transaction('new-case', async (tx) => {
      const row = await insert(tx, this.options.clock.now());
      if (!row) return { value: undefined, outboxRows: [] };
      const unit = this.unitOf(tx, organisation, calendars, definition, row, actorId);
      const result = await work(unit);
      return { value: result, outboxRows: await unit.save() };
    });
    await this.options.dispatcher.dispatch(outboxRows);
    return value;
  }

  /**
   * Runs `work` in a transaction, again (at most three times in all) when PostgreSQL aborts it as
   * the loser of a deadlock (40P01): a sub-case locking its parent while the parent locks it.
   * A deadline the calendar cannot count rolls the transaction back and answers 409
   * `deadline-not-countable` (see {@link uncountableDeadline}). A FEEL expression over its budget
   * rolls it back too, and records (or counts again) the open incident of kind `feel` on the case
   * in a transaction of its own before answering 409 `feel-budget-exceeded`.
   */
  private async transaction<T>(kind: StepKind, work: (tx: Tx) => Promise<T>): Promise<T> {
    const started = performance.now();
    const observe = (outcome: 'ok' | 'error') => this.options.steps?.observeStep(kind, outcome, (performance.now() - started) / 1_000);
    for (let attempt = 1; ; attempt += 1) {
      try {
        const value = await this.options.db.transaction(work);
        observe('ok');
        return value;
      } catch (error) {
        if (error instanceof TongbanError && error.code === 'feel-budget-exceeded') {
          await this.recordFeelIncident(error.message, error.details as FeelBudgetDetails);
        }
        if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(error)) {
          observe('error');
          throw uncountableDeadline(error) ?? error;
        }
      }
    }
  }

  /** Opens the incident of kind `feel` of the case and expression, or counts one more stopped step on it. */
  private async recordFeelIncident(message: string, details: FeelBudgetDetails): Promise<void> {
    const now = this.options.clock.now();
    const [known] = await this.options.db.select({ id: cases.id }).from(cases).where(eq(cases.id, details.caseId));
    if (!known) return;
    await this.options.db
      .insert(incidents)
      .values({
        id: randomUUID(),
        kind: 'feel',
        caseId: details.caseId,
        nodeId: details.nodeId ?? '',
        edgeId: details.edgeId,
        expression: details.expression,
        error: message,
        attempts: 1,
        status: 'open',
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [incidents.caseId, incidents.expression],
        targetWhere: and(eq(incidents.status, 'open'), eq(incidents.kind, 'feel')),
        set: { attempts: sql`${incidents.attempts} + 1`, error: message, updatedAt: now },
      });
  }

  private unitOf(
    tx: Tx,
    organisation: Organisation,
    calendars: CalendarBook,
    definition: PublishedDefinition,
    row: CaseRow,
    actorId: string | null,
  ): CaseUnit {
    return new CaseUnit(
      {
        tx,
        now: this.options.clock.now(),
        organisation,
        definitions: this.options.definitions,
        definition,
        calendars,
        calendar: calendars.get(row.calendarKey),
        actorId,
        feel: this.options.feel,
      },
      row,
    );
  }
}
