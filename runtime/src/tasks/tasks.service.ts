import { and, asc, desc, eq, ilike, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { dataSchemaFields, type UserTask } from '@tongban/engine';
import type { CalendarBook } from '../calendars/calendar-book.ts';
import type { Db } from '../db/client.ts';
import { caseEvents, cases, tasks, taskIsOpen, timers, type CaseRow, type SupplementItem, type SupplementRequestRecord, type TaskRow, type TaskStatus } from '../db/schema/index.ts';
import type { CaseUnit } from '../cases/case-unit.ts';
import { applicationFields } from '../cases/application-fields.ts';
import { checkSupplementItems } from '../cases/supplement-items.ts';
import type { CaseExecutor } from '../cases/case-executor.ts';
import { checkCaseData } from '../cases/check-case-data.ts';
import { caseViewOf, pageOf, type CaseView, type Page, type PageRequest, type TaskView } from '../cases/case-views.ts';
import { taskViewOf } from '../cases/task-view-of.ts';
import type { DefinitionStore, PublishedDefinition } from '../definitions/definition-store.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors/index.ts';
import { assertMayActOnTask, describe, visibleDepartmentIds } from '../organisation/access.ts';
import type { Organisation } from '../organisation/organisation.ts';
import { isAdmin, seesJurisdiction } from '../organisation/viewer.ts';
import type { Viewer } from '../organisation/viewer.ts';
import { checkCompletion, checkSupplementItemsOutcome } from './check-completion.ts';
import { currentTask } from './hand-off.ts';
import { approveAsSigner, holdForSignerAfter } from './single-task-signers.ts';
import { assertHandles } from './task-handler.ts';
import { withdrawableTaskIds } from './task-withdrawal.service.ts';

/** A row of the done list (已办): the task, the number a person reads of its case, and whether its clerk may still withdraw it (撤回). */
export type DoneTask = TaskWithCaseNumber & { withdrawable: boolean };

/** Filters of the inbox. */
export interface InboxFilters extends PageRequest {
  /** Task statuses; default open and claimed. */
  status?: TaskStatus | TaskStatus[];
  definitionKey?: string;
  /** Only tasks claimed by the viewer. */
  mine?: boolean;
  /** Only the task(s) of this case: its id, or the start of it (8 characters or more). */
  caseId?: string;
  /** Only cases whose applicant's name holds this text (case-insensitive). */
  applicant?: string;
  /**
   * `managed`: the tasks of every department the viewer oversees (a manager or supervisor their
   * jurisdiction's subtree, an admin all), instead of their own inbox: the list a manager reassigns from.
   */
  scope?: 'inbox' | 'managed';
  /** Only the case whose number starts with this text (case-insensitive), e.g. `SH-2026-000123`. */
  caseNumber?: string;
}

/** A task in the inbox, with the time its statutory limit has left and what the clerk needs of its case. */
export interface InboxItem extends TaskView {
  case: {
    id: string;
    definitionKey: string;
    definitionVersion: number;
    /** The number a person reads, e.g. `SH-2026-000123`. */
    caseNumber: string;
    jurisdictionId: string;
    status: CaseRow['status'];
    applicant: Record<string, unknown>;
  };
}

/** A task with the number a person reads of its case (已办, extension requests). */
export interface TaskWithCaseNumber extends TaskRow {
  caseNumber: string;
}

/** A clerk's decision (POST /tasks/{id}/complete). */
export interface CompleteTaskInput {
  outcome: string;
  data?: Record<string, unknown>;
  comment?: string | null;
  /**
   * Why the clerk chose the outcome: a rejection or a return needs one (schema version 2), given
   * here, in the outcome's `reasonField` of `data`, or, failing both, as the `comment`.
   */
  reason?: string;
  /** The target of a `return` when the task has several. */
  returnTo?: string;
  /** For `requestSupplement` (补正), required: every item the applicant must supply, told at once. */
  supplementItems?: SupplementItem[];
}

/** The result of a completion: the task as closed (or kept open, for a 补正), the case, the new tasks. */
export interface CompleteTaskResult {
  task: TaskRow;
  case: CaseView;
  nextTasks: TaskRow[];
}

const OPEN: TaskStatus[] = ['open', 'claimed'];

/** Tasks: the inbox, claiming, completing (the step runs inside the call). */
export class TasksService {
  constructor(private readonly options: { db: Db; executor: CaseExecutor; definitions: DefinitionStore; calendars: () => Promise<CalendarBook>; organisation: () => Promise<Organisation> }) {}

  /**
   * The viewer's inbox: tasks of their department whose candidate role they hold (an admin's: the
   * tasks of every department, to read), open and claimed by default, soonest statutory limit first
   * (tasks without one last), each with its minutes left as `GET /cases/{id}` counts them
   * (`taskViewOf`).
   * @throws ForbiddenError `inbox-forbidden` for a viewer without a department.
   */
  async listInbox(viewer: Viewer, filters: InboxFilters = {}): Promise<Page<InboxItem>> {
    if (viewer.kind !== 'user' || (!viewer.departmentId && !isAdmin(viewer))) {
      throw new ForbiddenError('inbox-forbidden', `${describe(viewer)} has no inbox`);
    }
    const statuses = filters.status === undefined ? OPEN : Array.isArray(filters.status) ? filters.status : [filters.status];
    const conditions: SQL[] = [filters.status === undefined ? taskIsOpen : inArray(tasks.status, statuses)];
    // Whose tasks: one condition, or two disjoint ones (the department's tasks of the viewer's
    // candidate roles; those assigned to the viewer besides), each paged and counted on its own so
    // that each reads its index in list order (`OR` of the two would read and sort every match).
    let reach: SQL[] = [];
    if (filters.scope === 'managed') {
      if (!isAdmin(viewer) && !seesJurisdiction(viewer)) {
        throw new ForbiddenError('managed-scope-forbidden', `${describe(viewer)} oversees no department: a manager, supervisor or admin does`);
      }
      if (!isAdmin(viewer)) conditions.push(inArray(tasks.departmentId, visibleDepartmentIds(viewer, await this.options.organisation())));
    } else if (!isAdmin(viewer)) {
      const candidate = and(eq(tasks.departmentId, viewer.departmentId as string), inArray(tasks.candidateRole, viewer.roles.length > 0 ? viewer.roles : [''])) as SQL;
      // A task transferred or delegated to the viewer is theirs wherever it belongs.
      reach = viewer.userId ? [candidate, and(eq(tasks.assigneeId, viewer.userId), sql`(${candidate}) is not true`) as SQL] : [candidate];
    }
    if (filters.definitionKey) conditions.push(eq(cases.definitionKey, filters.definitionKey));
    if (filters.mine && viewer.userId) conditions.push(eq(tasks.assigneeId, viewer.userId));
    if (filters.caseId) conditions.push(like(tasks.caseId, `${escapeLike(filters.caseId)}%`));
    if (filters.applicant) conditions.push(ilike(sql`${cases.applicant}->>'name'`, `%${escapeLike(filters.applicant)}%`));
    if (filters.caseNumber) conditions.push(like(cases.caseNumber, `${escapeLike(filters.caseNumber.toUpperCase())}%`));
    const parts = reach.length === 0 ? [and(...conditions)] : reach.map((r) => and(...conditions, r));
    const { limit, offset } = pageOf(filters);
    const { db } = this.options;
    // The case is joined only when the filter names a column of it (the counts read many rows).
    const joinsCase = Boolean(filters.definitionKey || filters.applicant || filters.caseNumber);
    const listOrder = [sql`${tasks.dueAt} asc nulls last`, asc(tasks.createdAt), asc(tasks.id)];
    const countOf = (where: SQL | undefined) =>
      joinsCase
        ? db.select({ n: sql<number>`count(*)::int` }).from(tasks).innerJoin(cases, eq(cases.id, tasks.caseId)).where(where)
        : db.select({ n: sql<number>`count(*)::int` }).from(tasks).where(where);
    // With two parts, the page is among the first offset + limit tasks of each.
    const headOf = (where: SQL | undefined) =>
      (joinsCase
        ? db.select({ id: tasks.id }).from(tasks).innerJoin(cases, eq(cases.id, tasks.caseId)).where(where)
        : db.select({ id: tasks.id }).from(tasks).where(where)
      )
        .orderBy(...listOrder)
        .limit(offset + limit);
    const pageWhere = parts.length === 1 ? parts[0] : sql`${tasks.id} in (select head.id from (${sql.join(parts.map(headOf), sql` union all `)}) as head)`;
    const [rows, counts] = await Promise.all([
      db
        .select({ task: tasks, case: cases })
        .from(tasks)
        .innerJoin(cases, eq(cases.id, tasks.caseId))
        .where(pageWhere)
        .orderBy(...listOrder)
        .limit(limit)
        .offset(offset),
      Promise.all(parts.map(countOf)),
    ]);
    const total = counts.reduce((sum, [count]) => sum + (count?.n ?? 0), 0);
    const suspendedCases = [...new Set(rows.filter((r) => r.case.status === 'suspended').map((r) => r.case.id))];
    const paused =
      suspendedCases.length === 0
        ? []
        : await db
            .select({ taskId: timers.taskId, remainingMinutes: timers.remainingMinutes })
            .from(timers)
            .where(and(inArray(timers.caseId, suspendedCases), eq(timers.kind, 'taskBreach'), eq(timers.status, 'paused')));
    const pausedMinutes = new Map(paused.map((t) => [t.taskId, t.remainingMinutes]));
    const definitions = new Map<string, Promise<PublishedDefinition>>();
    const definitionOf = (c: CaseRow): Promise<PublishedDefinition> => {
      const key = `${c.definitionKey}@${c.definitionVersion}`;
      const loading = definitions.get(key) ?? this.options.definitions.get(c.definitionKey, c.definitionVersion);
      definitions.set(key, loading);
      return loading;
    };
    const now = this.options.executor.clock.now();
    const calendars = await this.options.calendars();
    return {
      items: await Promise.all(
        rows.map(async ({ task, case: c }) => ({
          ...taskViewOf(task, {
            definition: (await definitionOf(c)).definition,
            calendar: calendars.get(c.calendarKey),
            caseStatus: c.status,
            suspendedSince: c.suspendedSince,
            now,
            pausedBreachMinutes: pausedMinutes.has(task.id) ? pausedMinutes.get(task.id) : undefined,
          }),
          case: {
            id: c.id,
            caseNumber: c.caseNumber,
            definitionKey: c.definitionKey,
            definitionVersion: c.definitionVersion,
            jurisdictionId: c.jurisdictionId,
            status: c.status,
            applicant: c.applicant,
          },
        })),
      ),
      total,
    };
  }

  /**
   * Claims task `taskId` for the viewer (claiming one's own claim again is a no-op).
   * @throws NotFoundError `task-not-found`; ForbiddenError `task-forbidden`, `admin-does-not-decide`;
   *   ConflictError `task-not-open` or `task-claimed` (by someone else).
   */
  async claimTask(taskId: string, viewer: Viewer): Promise<TaskRow> {
    const task = await this.find(taskId);
    assertMayActOnTask(viewer, task, 'claim');
    const now = this.options.executor.clock.now();
    return this.options.db.transaction(async (tx) => {
      // Wait for an operation holding the case (FOR UPDATE) before taking the task row: the event
      // inserted below takes this lock anyway, and taking it after the task row would deadlock.
      await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, task.caseId)).for('key share');
      const [claimed] = await tx
        .update(tasks)
        .set({ status: 'claimed', assigneeId: viewer.userId ?? null, claimedAt: now })
        .where(and(eq(tasks.id, taskId), eq(tasks.status, 'open')))
        .returning();
      if (claimed) {
        await tx.insert(caseEvents).values({
          caseId: claimed.caseId,
          type: 'task.claimed',
          actorId: viewer.userId ?? null,
          taskId,
          payload: { nodeId: claimed.nodeId, assigneeId: viewer.userId ?? null },
          at: now,
        });
        return claimed;
      }
      const [current] = await tx.select().from(tasks).where(eq(tasks.id, taskId));
      if (current?.status === 'claimed') {
        if (current.assigneeId === (viewer.userId ?? null)) return current;
        throw new ConflictError('task-claimed', `Task '${taskId}' is claimed by another user`, { taskId, assigneeId: current.assigneeId });
      }
      throw notOpen(taskId, current);
    });
  }

  /**
   * Completes task `taskId` with the viewer's decision and runs the step inside the call, so the
   * next tasks exist when it returns. The outcome, form data and return target are checked
   * against the task's node, and so are its field permissions (a field the node makes read-only
   * or hidden is refused); the data is merged into the case data, application fields the node
   * makes editable after a check of the corrected case data against the data schema. Of two completions of one
   * task, exactly one succeeds and the other gets a 409 `task-not-open`.
   *
   * @throws NotFoundError `task-not-found`; ForbiddenError `task-forbidden`, `admin-does-not-decide`,
   *   `delegatee-may-only-resolve`; InvalidInputError naming the field (`supplementItems` with an
   *   outcome other than `requestSupplement`, first of all); ConflictError `task-not-open`,
   *   `task-claimed` (by someone else), `task-delegated` (its owner, until it is resolved), `case-suspended`.
   */
  async completeTask(taskId: string, viewer: Viewer, input: CompleteTaskInput): Promise<CompleteTaskResult> {
    checkSupplementItemsOutcome(input);
    return this.options.executor.withCaseOfTask(taskId, viewer.userId ?? null, async (unit) => {
      const task = await currentTask(unit, taskId);
      assertHandles(viewer, task, 'complete');
      if (task.signing?.role === 'signer') {
        assertNotSuspended(unit, task);
        const { approved, decided } = await approveAsSigner(unit, task, input);
        if (decided?.decision) await decide(unit, decided.task, decided.task.assigneeId, decided.decision);
        return { task: approved, case: caseViewOf(unit.case), nextTasks: [...unit.createdTasks] };
      }
      if (task.signing?.role === 'after') {
        checkDecision(unit, task, input);
        const signerTask = await holdForSignerAfter(unit, task, input);
        return { task: await currentTask(unit, taskId), case: caseViewOf(unit.case), nextTasks: [signerTask] };
      }
      const { asked } = await decide(unit, task, viewer.userId ?? null, input, viewer);
      const after = unit.closedTasks.find((t) => t.id === taskId) ?? asked ?? task;
      return { task: after, case: caseViewOf(unit.case), nextTasks: [...unit.createdTasks] };
    });
  }

  /**
   * The viewer's done list (已办): tasks they completed, and tasks they handed on (transferred,
   * delegated, resolved, reassigned, gave back), most recent first; each `withdrawable` when the
   * viewer completed it and may still take it back (`POST /tasks/{id}/withdraw`).
   * @throws ForbiddenError `inbox-forbidden` for an API key.
   */
  async listDone(viewer: Viewer, page: PageRequest = {}): Promise<Page<DoneTask>> {
    if (viewer.kind !== 'user' || !viewer.userId) throw new ForbiddenError('inbox-forbidden', `${describe(viewer)} has no done list`);
    const mine = viewer.userId;
    const where = or(
      and(eq(tasks.status, 'completed'), eq(tasks.assigneeId, mine)),
      sql`${tasks.handoffs} @> ${JSON.stringify([{ by: mine }])}::jsonb`,
    );
    const { limit, offset } = pageOf(page);
    const { db } = this.options;
    const [rows, [total]] = await Promise.all([
      db
        .select({ task: tasks, caseNumber: cases.caseNumber })
        .from(tasks)
        .innerJoin(cases, eq(cases.id, tasks.caseId))
        .where(where)
        .orderBy(desc(sql`coalesce(${tasks.completedAt}, ${tasks.createdAt})`), desc(tasks.id))
        .limit(limit)
        .offset(offset),
      db.select({ n: sql<number>`count(*)::int` }).from(tasks).where(where),
    ]);
    const withdrawable = await withdrawableTaskIds(db, mine, rows.map((r) => r.task));
    return { items: rows.map((r) => ({ ...r.task, caseNumber: r.caseNumber, withdrawable: withdrawable.has(r.task.id) })), total: total?.n ?? 0 };
  }

  private async find(taskId: string): Promise<TaskRow> {
    const [task] = await this.options.db.select().from(tasks).where(eq(tasks.id, taskId));
    if (!task) throw new NotFoundError('task-not-found', `Task '${taskId}' does not exist`, { taskId });
    return task;
  }
}

/**
 * Checks `input` as a decision on `task` (the case not suspended, the outcome and its data, a
 * reason where one is needed): its return target and reason.
 * @throws ConflictError `case-suspended`; InvalidInputError.
 */
function checkDecision(unit: CaseUnit, task: TaskRow, input: CompleteTaskInput): { returnTo: string | undefined; reason: string | undefined } {
  assertNotSuspended(unit, task);
  const data = input.data ?? {};
  const node = unit.userTask(task.nodeId);
  const returnTo = checkCompletion(unit.definition.definition, node, { outcome: input.outcome, data, returnTo: input.returnTo });
  return { returnTo, reason: reasonOf(node, input, data) };
}

/**
 * Refuses to complete `task` while its case is suspended (补正, or a period the law does not
 * count): its clocks are paused, and so is the work on it.
 * @throws ConflictError `case-suspended`.
 */
function assertNotSuspended(unit: CaseUnit, task: TaskRow): void {
  if (unit.case.status !== 'suspended') return;
  const why = unit.case.suspensionReason === 'supplement' || unit.case.suspensionReason === null ? 'waits for a supplement' : `is suspended for ${unit.case.suspensionReason}`;
  throw new ConflictError('case-suspended', `Case '${unit.case.id}' ${why}; task '${task.id}' cannot be completed now`, {
    caseId: unit.case.id,
    taskId: task.id,
    reason: unit.case.suspensionReason,
  });
}

/**
 * Completes `task` with the decision `input` of `assigneeId` (`viewer`, when a 补正 is asked):
 * the case data, the audit trail, and the engine's step.
 */
export async function decide(unit: CaseUnit, task: TaskRow, assigneeId: string | null, input: CompleteTaskInput, viewer?: Viewer): Promise<{ asked: TaskRow | undefined }> {
  const data = input.data ?? {};
  const { returnTo, reason } = checkDecision(unit, task, input);
  const node = unit.userTask(task.nodeId);
  let asked: TaskRow | undefined;
  if (input.outcome === 'requestSupplement' && viewer) asked = await requestSupplement(unit, task, viewer, input.supplementItems);
  const applicationFields = new Set(dataSchemaFields(unit.definition.definition));
  const corrections = Object.entries(data).filter(([key]) => applicationFields.has(key) && !node.form.some((field) => field.key === key));
  if (corrections.length > 0) checkCaseData(unit.definition.definition.dataSchema, { ...unit.case.data, ...Object.fromEntries(corrections) });
  unit.update({ data: { ...unit.case.data, ...data } });
  unit.record(
    'task.completed',
    { nodeId: task.nodeId, outcome: input.outcome, data, comment: input.comment ?? null, reason: reason ?? null, returnTo: returnTo ?? null },
    task.id,
  );
  unit.complete({ activationId: task.activationId, outcome: input.outcome, data, comment: input.comment ?? null, reason: reason ?? null, assigneeId });
  if (input.outcome === 'approve') await unit.accept();
  await unit.step({
    type: 'task.complete',
    nodeId: task.nodeId,
    taskId: task.activationId,
    outcome: input.outcome,
    data,
    ...(returnTo === undefined ? {} : { returnTo }),
    ...(reason === undefined ? {} : { reason }),
  });
  return { asked };
}

/**
 * The reason a completion gives: `reason`, else the value of the outcome's `reasonField` in
 * `data`, else the `comment` (the console writes a return's reason there); undefined when none is
 * non-blank text.
 */
function reasonOf(node: UserTask, input: CompleteTaskInput, data: Record<string, unknown>): string | undefined {
  const field = node.outcomes.find((o) => o.id === input.outcome)?.reasonField;
  const candidates = [input.reason, field === undefined ? undefined : data[field], input.comment];
  return candidates.find((c): c is string => typeof c === 'string' && c.trim() !== '');
}

/**
 * Records the 补正 asked for on `task` (once per activation, 行政许可法 art. 32 一次性告知): its items,
 * checked against the application's fields, who asked and when; and a `supplement.requested` audit
 * event with the items. Returns the task row as updated.
 * @throws ConflictError `supplement-already-requested`; InvalidInputError naming `supplementItems…`.
 */
async function requestSupplement(unit: CaseUnit, task: TaskRow, viewer: Viewer, items: SupplementItem[] | undefined): Promise<TaskRow> {
  if (task.supplementRequest !== null) {
    throw new ConflictError(
      'supplement-already-requested',
      `A 补正 was already asked on task '${task.id}' (${task.supplementRequest.requestedAt}); the law allows one notice of everything missing (行政许可法 art. 32)`,
      { taskId: task.id, requestedAt: task.supplementRequest.requestedAt },
    );
  }
  const checked = checkSupplementItems(items, applicationFields(unit.definition.definition, unit.case.data));
  const record: SupplementRequestRecord = { items: checked, requestedBy: viewer.userId ?? null, requestedAt: unit.now.toISOString() };
  const [updated] = await unit.tx.update(tasks).set({ supplementRequest: record }).where(eq(tasks.id, task.id)).returning();
  unit.record('supplement.requested', { nodeId: task.nodeId, items: checked }, task.id);
  return updated ?? task;
}

/** `text` with the wildcards of LIKE escaped. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function notOpen(taskId: string, task: TaskRow | undefined): ConflictError {
  return new ConflictError('task-not-open', `Task '${taskId}' is no longer open (it is ${task?.status ?? 'gone'})`, {
    taskId,
    status: task?.status ?? null,
  });
}
