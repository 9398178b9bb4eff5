import { and, asc, eq } from 'drizzle-orm';
import { hiddenFields } from '@tongban/engine';
import type { CalendarBook } from '../calendars/calendar-book.ts';
import type { CaseExecutor } from '../cases/case-executor.ts';
import type { TaskView } from '../cases/case-views.ts';
import { taskViewOf } from '../cases/task-view-of.ts';
import type { Db } from '../db/client.ts';
import { caseCopies, caseEvents, cases, tasks, timers, users, type CaseRow, type TaskRow } from '../db/schema/index.ts';
import type { DefinitionStore } from '../definitions/definition-store.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, type TongbanError, isTongbanError } from '../errors/index.ts';
import { assertManagesCase, describe, scopeJurisdictionIds, visibleDepartmentIds } from '../organisation/access.ts';
import type { Organisation } from '../organisation/organisation.ts';
import { isAdmin, type Viewer } from '../organisation/viewer.ts';
import { currentTask, handOff, requiredReason, targetUser } from './hand-off.ts';
import { assertHandles } from './task-handler.ts';

/** A comment (审批意见) on a task: append-only, in the case's audit trail. */
export interface TaskComment {
  authorId: string | null;
  authorName: string | null;
  text: string;
  at: Date;
}

/** `GET /tasks/{id}`: the task with the time it has left, what the clerk needs of its case, its comments. */
export interface TaskDetail {
  task: TaskView;
  case: Pick<CaseRow, 'id' | 'caseNumber' | 'definitionKey' | 'definitionVersion' | 'jurisdictionId' | 'status' | 'applicant' | 'data'>;
  comments: TaskComment[];
}

/** Where a transfer (转办) or a reassignment sends a task: a user, a department, or a user of that department. */
export interface HandOffTarget {
  assigneeId?: string;
  departmentId?: string;
  reason: string;
}

/** The result of one task of a bulk reassignment. */
export type ReassignResult = { taskId: string; ok: true; task: TaskRow } | { taskId: string; ok: false; error: { code: string; message: string; status: number } };

/** At most this many tasks in one bulk reassignment. */
export const MAX_REASSIGN = 100;

/**
 * Operations of clerks and managers on open tasks that move no case forward: reading one task,
 * unclaim, transfer (转办), delegate and resolve (委派 / 归还), comments, a manager's bulk
 * reassignment. Each runs under the lock of the task's case, so of two operations on one task
 * exactly one acts on the state the other left.
 */
export class TaskOperationsService {
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
   * Task `taskId` as its reader sees it: a user whose department or scope sees the case, its
   * assignee or delegatee, or a user the case was copied to; with its comments, oldest first.
   * The case data leaves out the fields the task's node hides (its `fieldPermissions`), unless the
   * reader manages the case (a manager whose scope holds it, or an admin).
   * @throws NotFoundError `task-not-found`; ForbiddenError `task-forbidden`.
   */
  async getTask(taskId: string, viewer: Viewer): Promise<TaskDetail> {
    const { db } = this.options;
    const [found] = await db.select({ task: tasks, case: cases }).from(tasks).innerJoin(cases, eq(cases.id, tasks.caseId)).where(eq(tasks.id, taskId));
    if (!found) throw new NotFoundError('task-not-found', `Task '${taskId}' does not exist`, { taskId });
    const { task, case: row } = found;
    await this.assertMayRead(viewer, task, row);
    const [definition, calendars, paused, comments, organisation] = await Promise.all([
      this.options.definitions.get(row.definitionKey, row.definitionVersion),
      this.options.calendars(),
      db
        .select({ remainingMinutes: timers.remainingMinutes })
        .from(timers)
        .where(and(eq(timers.taskId, taskId), eq(timers.kind, 'taskBreach'), eq(timers.status, 'paused'))),
      db
        .select({ event: caseEvents, authorName: users.displayName })
        .from(caseEvents)
        .leftJoin(users, eq(users.id, caseEvents.actorId))
        .where(and(eq(caseEvents.caseId, row.id), eq(caseEvents.taskId, taskId), eq(caseEvents.type, 'task.commented')))
        .orderBy(asc(caseEvents.id)),
      this.options.organisation(),
    ]);
    const node = definition.definition.nodes.find((n) => n.id === task.nodeId);
    const hidden = node?.type === 'userTask' && !managesIt(viewer, organisation, row) ? new Set(hiddenFields(node)) : new Set<string>();
    const data = Object.fromEntries(Object.entries(row.data).filter(([key]) => !hidden.has(key)));
    return {
      task: taskViewOf(task, {
        definition: definition.definition,
        calendar: calendars.get(row.calendarKey),
        caseStatus: row.status,
        suspendedSince: row.suspendedSince,
        now: this.options.executor.clock.now(),
        pausedBreachMinutes: paused[0] === undefined ? undefined : paused[0].remainingMinutes,
      }),
      case: {
        id: row.id,
        caseNumber: row.caseNumber,
        definitionKey: row.definitionKey,
        definitionVersion: row.definitionVersion,
        jurisdictionId: row.jurisdictionId,
        status: row.status,
        applicant: row.applicant,
        data,
      },
      comments: comments.map(({ event, authorName }) => ({
        authorId: event.actorId,
        authorName,
        text: String(event.payload.text ?? ''),
        at: event.at,
      })),
    };
  }

  /**
   * Gives a claimed task back to its department's queue (取消认领 / 归还): its assignee may, and so
   * may a manager whose scope holds the case (with a reason). Not while it is delegated.
   * @throws ForbiddenError; ConflictError `task-not-open`, `task-not-claimed`, `task-claimed`, `task-delegated`; InvalidInputError `reason-required` (a manager).
   */
  async unclaimTask(taskId: string, viewer: Viewer, input: { reason?: string } = {}): Promise<TaskRow> {
    const organisation = await this.options.organisation();
    return this.options.executor.withCaseOfTask(taskId, viewer.userId ?? null, async (unit) => {
      const task = await currentTask(unit, taskId);
      const isAssignee = task.assigneeId !== null && task.assigneeId === viewer.userId;
      let reason = input.reason?.trim() || null;
      if (!isAssignee && managesIt(viewer, organisation, unit.case)) {
        if (task.status !== 'open' && task.status !== 'claimed') throw notOpen(task);
        if (task.delegation) throw delegated(task);
        reason = requiredReason(input.reason);
      } else {
        assertHandles(viewer, task, 'unclaim');
      }
      if (task.status !== 'claimed' || task.assigneeId === null) {
        throw new ConflictError('task-not-claimed', `Task '${taskId}' is not claimed: there is nothing to give back`, { taskId });
      }
      return handOff(unit, task, { kind: 'unclaim', to: null, departmentId: task.departmentId, reason, delegation: null });
    });
  }

  /**
   * Transfers the task (转办) to a user of its department holding its candidate role, to another
   * department's queue, or to a user of that department: the handler (its assignee, or any
   * candidate while it is unclaimed) does, with a reason. The first owner and the whole chain of
   * handlers are kept; the task's clocks run on.
   * @throws InvalidInputError (`reason-required`, `target-required`, `unknown-user`, `unknown-department`, `hand-off-to-self`, `not-a-candidate`); ForbiddenError; ConflictError.
   */
  async transferTask(taskId: string, viewer: Viewer, input: HandOffTarget): Promise<TaskRow> {
    const reason = requiredReason(input.reason);
    const organisation = await this.options.organisation();
    return this.options.executor.withCaseOfTask(taskId, viewer.userId ?? null, async (unit) => {
      const task = await currentTask(unit, taskId);
      assertHandles(viewer, task, 'transfer');
      const target = await resolveTarget(unit, organisation, task, input, viewer.userId ?? null);
      return handOff(unit, task, { kind: 'transfer', ...target, reason, delegation: null });
    });
  }

  /**
   * Delegates the task (委派) to any other user, with a reason: its assignee does. The delegatee
   * may only comment and resolve it back; the owner completes it.
   * @throws InvalidInputError (`reason-required`, `unknown-user`, `hand-off-to-self`); ForbiddenError; ConflictError `task-not-claimed` (claim it first).
   */
  async delegateTask(taskId: string, viewer: Viewer, input: { assigneeId: string; reason: string }): Promise<TaskRow> {
    const reason = requiredReason(input.reason);
    return this.options.executor.withCaseOfTask(taskId, viewer.userId ?? null, async (unit) => {
      const task = await currentTask(unit, taskId);
      assertHandles(viewer, task, 'delegate');
      if (task.assigneeId === null || task.assigneeId !== viewer.userId) {
        throw new ConflictError('task-not-claimed', `Task '${taskId}' is delegated by its assignee: claim it first`, { taskId });
      }
      const delegatee = await targetUser(unit, input.assigneeId, { field: 'assigneeId', callerId: viewer.userId ?? null });
      return handOff(unit, task, {
        kind: 'delegate',
        to: delegatee.id,
        departmentId: task.departmentId,
        reason,
        delegation: { from: task.assigneeId, to: delegatee.id, reason, at: unit.now.toISOString() },
      });
    });
  }

  /**
   * The delegatee resolves a delegated task back to its owner (归还) with their opinion, which is
   * kept as a comment; the owner then completes it.
   * @throws InvalidInputError `reason-required` (field `comment`); ConflictError `task-not-delegated`; ForbiddenError.
   */
  async resolveTask(taskId: string, viewer: Viewer, input: { comment: string }): Promise<TaskRow> {
    const comment = requiredReason(input.comment, 'comment');
    return this.options.executor.withCaseOfTask(taskId, viewer.userId ?? null, async (unit) => {
      const task = await currentTask(unit, taskId);
      assertHandles(viewer, task, 'resolve');
      const owner = task.delegation?.from as string;
      unit.record('task.commented', { nodeId: task.nodeId, text: comment }, task.id);
      return handOff(unit, task, { kind: 'resolve', to: owner, departmentId: task.departmentId, reason: comment, delegation: null });
    });
  }

  /**
   * Adds a comment (审批意见) to an open task: its handler, its delegatee, or a manager whose
   * scope holds the case. Comments are append-only.
   * @throws InvalidInputError `reason-required` (field `text`); ForbiddenError; ConflictError `task-not-open`.
   */
  async commentOnTask(taskId: string, viewer: Viewer, input: { text: string }): Promise<TaskComment> {
    const text = requiredReason(input.text, 'text');
    const organisation = await this.options.organisation();
    return this.options.executor.withCaseOfTask(taskId, viewer.userId ?? null, async (unit) => {
      const task = await currentTask(unit, taskId);
      if (!managesIt(viewer, organisation, unit.case)) assertHandles(viewer, task, 'comment on');
      else if (task.status !== 'open' && task.status !== 'claimed') throw notOpen(task);
      unit.record('task.commented', { nodeId: task.nodeId, text }, task.id);
      const [author] = viewer.userId ? await unit.tx.select({ name: users.displayName }).from(users).where(eq(users.id, viewer.userId)) : [];
      return { authorId: viewer.userId ?? null, authorName: author?.name ?? null, text, at: unit.now };
    });
  }

  /**
   * Reassigns tasks in bulk (a manager, within their jurisdiction's subtree), with one reason:
   * each task in its own transaction, so one refusal leaves the others done; the answer says,
   * per task, what happened.
   * @throws ForbiddenError `reassign-forbidden` (neither a manager nor an admin); InvalidInputError
   *   `reason-required`, `target-required`, `too-many-tasks` (the request as a whole).
   */
  async reassignTasks(viewer: Viewer, input: HandOffTarget & { taskIds: string[] }): Promise<ReassignResult[]> {
    if (viewer.kind !== 'user' || !(viewer.roles.includes('manager') || isAdmin(viewer))) {
      throw new ForbiddenError('reassign-forbidden', `${describe(viewer)} may not reassign tasks: a manager (within their jurisdiction) or an admin may`);
    }
    const reason = requiredReason(input.reason);
    if (input.assigneeId === undefined && input.departmentId === undefined) throw targetRequired();
    if (input.taskIds.length > MAX_REASSIGN) {
      throw new InvalidInputError('too-many-tasks', `At most ${MAX_REASSIGN} tasks are reassigned at once`, { field: 'taskIds', reason: 'too-many' });
    }
    const organisation = await this.options.organisation();
    const results: ReassignResult[] = [];
    for (const taskId of [...new Set(input.taskIds)]) {
      try {
        const task = await this.options.executor.withCaseOfTask(taskId, viewer.userId ?? null, async (unit) => {
          assertManagesCase(viewer, organisation, unit.case.id, unit.case.jurisdictionId);
          const current = await currentTask(unit, taskId);
          if (current.status !== 'open' && current.status !== 'claimed') throw notOpen(current);
          if (current.delegation) throw delegated(current);
          const target = await resolveTarget(unit, organisation, current, input, null);
          return handOff(unit, current, { kind: 'reassign', ...target, reason, delegation: null });
        });
        results.push({ taskId, ok: true, task });
      } catch (error) {
        if (!isTongbanError(error)) throw error;
        results.push({ taskId, ok: false, error: errorOf(error) });
      }
    }
    return results;
  }

  private async assertMayRead(viewer: Viewer, task: TaskRow, row: CaseRow): Promise<void> {
    if (viewer.kind === 'user' && viewer.userId) {
      if (task.assigneeId === viewer.userId || task.delegation?.to === viewer.userId) return;
      const organisation = await this.options.organisation();
      if (scopeJurisdictionIds(viewer, organisation)?.includes(row.jurisdictionId)) return;
      if (visibleDepartmentIds(viewer, organisation).includes(task.departmentId)) return;
      const copied = await this.options.db
        .select({ id: caseCopies.id })
        .from(caseCopies)
        .where(and(eq(caseCopies.caseId, row.id), eq(caseCopies.userId, viewer.userId)));
      if (copied.length > 0) return;
    }
    throw new ForbiddenError('task-forbidden', `Task '${task.id}' is outside the scope of ${describe(viewer)}`, { taskId: task.id, departmentId: task.departmentId });
  }
}

/** Whether `viewer` manages the case `row` (a manager whose subtree holds it, or an admin). */
function managesIt(viewer: Viewer, organisation: Organisation, row: CaseRow): boolean {
  try {
    assertManagesCase(viewer, organisation, row.id, row.jurisdictionId);
    return true;
  } catch {
    return false;
  }
}

/**
 * The assignee and department a transfer or reassignment moves `task` to: a user of the task's
 * department (or of `departmentId`, when given) holding its candidate role, or the queue of
 * `departmentId`.
 */
async function resolveTarget(
  unit: Parameters<typeof handOff>[0],
  organisation: Organisation,
  task: TaskRow,
  input: Pick<HandOffTarget, 'assigneeId' | 'departmentId'>,
  callerId: string | null,
): Promise<{ to: string | null; departmentId: string }> {
  if (input.assigneeId === undefined && input.departmentId === undefined) throw targetRequired();
  const departmentId = input.departmentId ?? task.departmentId;
  if (!organisation.department(departmentId)) {
    throw new InvalidInputError('unknown-department', `Department '${departmentId}' does not exist`, { field: 'departmentId', reason: 'unknown-department' });
  }
  if (input.assigneeId === undefined) {
    if (departmentId === task.departmentId) {
      throw new InvalidInputError('same-department', `Task '${task.id}' already belongs to department '${departmentId}'`, { field: 'departmentId', reason: 'same' });
    }
    return { to: null, departmentId };
  }
  const user = await targetUser(unit, input.assigneeId, { field: 'assigneeId', callerId, qualifies: { departmentId, role: task.candidateRole } });
  if (user.id === task.assigneeId) {
    throw new InvalidInputError('same-assignee', `Task '${task.id}' is already assigned to '${user.id}'`, { field: 'assigneeId', reason: 'same' });
  }
  return { to: user.id, departmentId };
}

function targetRequired(): InvalidInputError {
  return new InvalidInputError('target-required', 'Name the user (`assigneeId`), the department (`departmentId`), or both', { field: 'assigneeId', reason: 'required' });
}

function delegated(task: TaskRow): ConflictError {
  return new ConflictError('task-delegated', `Task '${task.id}' is delegated to '${task.delegation?.to}'; it comes back when they resolve it`, {
    taskId: task.id,
    delegatee: task.delegation?.to,
  });
}

function notOpen(task: TaskRow): ConflictError {
  return new ConflictError('task-not-open', `Task '${task.id}' is no longer open (it is ${task.status})`, { taskId: task.id, status: task.status });
}

function errorOf(error: TongbanError): { code: string; message: string; status: number } {
  return { code: error.code, message: error.message, status: error.status };
}
