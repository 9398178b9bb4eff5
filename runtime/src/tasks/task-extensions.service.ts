import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { CaseExecutor } from '../cases/case-executor.ts';
import type { CaseUnit } from '../cases/case-unit.ts';
import { pageOf, type Page, type PageRequest } from '../cases/case-views.ts';
import type { Db } from '../db/client.ts';
import { cases, tasks, type TaskRow } from '../db/schema/index.ts';
import type { TaskWithCaseNumber } from './tasks.service.ts';
import { ConflictError, ForbiddenError } from '../errors/index.ts';
import { adminDoesNotDecide, assertMayActOnTask, describe, visibleDepartmentIds } from '../organisation/access.ts';
import type { Organisation } from '../organisation/organisation.ts';
import { isAdmin, seesJurisdiction, type Viewer } from '../organisation/viewer.ts';
import { currentTask } from './hand-off.ts';

/** A clerk's request to extend a task's statutory limit (POST /tasks/{id}/extension). */
export interface ExtensionRequestInput {
  /** How much longer, in the unit of the task's statutory limit. */
  amount: number;
  /** Why; the applicant is told (行政许可法 art. 42). */
  reason: string;
}

/** An approver's refusal of an extension (POST /tasks/{id}/extension/refuse). */
export interface ExtensionRefusalInput {
  /** Why; the clerk is told. */
  reason: string;
}

const OPEN = new Set(['open', 'claimed']);

/**
 * Extensions of a task's statutory limit (行政许可法 art. 42: e.g. 20 working days, +10 with the
 * agency head's approval): the task's clerk asks, before the deadline, with a reason; a user
 * holding the role the definition names (`extension.approverRole`) approves, and the deadline and
 * its breach timer move by the amount, counted on the calendar from the deadline. The cap and the
 * one-extension-per-activation rule are the engine's.
 */
export class TaskExtensionsService {
  constructor(private readonly options: { db: Db; executor: CaseExecutor; organisation: () => Promise<Organisation> }) {}

  /**
   * Asks for task `taskId`'s statutory limit to run `amount` longer.
   *
   * @throws NotFoundError `task-not-found`; ForbiddenError `task-forbidden`, `admin-does-not-decide`;
   *   InvalidInputError `extension-refused` naming `amount` (over the cap) or `reason`; ConflictError `task-not-open`,
   *   `deadline-passed`, `extension-not-allowed`, `extension-already-requested`, `case-suspended`.
   */
  async requestExtension(taskId: string, viewer: Viewer, input: ExtensionRequestInput): Promise<TaskRow> {
    return this.options.executor.withCaseOfTask(taskId, viewer.userId ?? null, async (unit) => {
      const task = await currentTask(unit, taskId);
      assertMayActOnTask(viewer, task, 'request an extension of');
      assertOpen(task);
      if (task.dueAt !== null && task.dueAt.getTime() <= unit.now.getTime()) {
        throw new ConflictError(
          'deadline-passed',
          `Task '${taskId}' passed its statutory deadline at ${task.dueAt.toISOString()}; an extension is asked for before it`,
          { taskId, dueAt: task.dueAt.toISOString() },
        );
      }
      await unit.step({ type: 'task.requestExtension', nodeId: task.nodeId, taskId: task.activationId, amount: input.amount, reason: input.reason });
      return unit.task(task.activationId);
    });
  }

  /**
   * Approves the extension requested for task `taskId`: its deadline moves by the amount.
   *
   * @throws NotFoundError `task-not-found`; ForbiddenError `extension-approver-required` (the viewer
   *   lacks the role the definition names, or the task lies outside their scope), `admin-does-not-decide`; ConflictError
   *   `task-not-open`, `extension-not-allowed`, `extension-not-requested`, `case-suspended`.
   */
  async approveExtension(taskId: string, viewer: Viewer): Promise<TaskRow> {
    return this.decide(taskId, viewer, 'approve', (unit, task, approverRole) =>
      unit.step({ type: 'task.approveExtension', nodeId: task.nodeId, taskId: task.activationId, approverRole }),
    );
  }

  /** Runs `step` on the task's case once the viewer is known to hold the approver role over it. */
  private async decide(
    taskId: string,
    viewer: Viewer,
    verb: 'approve' | 'refuse',
    step: (unit: CaseUnit, task: TaskRow, approverRole: string) => Promise<unknown>,
  ): Promise<TaskRow> {
    const organisation = await this.options.organisation();
    return this.options.executor.withCaseOfTask(taskId, viewer.userId ?? null, async (unit) => {
      const task = await currentTask(unit, taskId);
      const approverRole = unit.userTask(task.nodeId).extension?.approverRole;
      if (isAdmin(viewer) && (approverRole === undefined || !this.mayApprove(viewer, organisation, task, approverRole))) {
        const whoMay = approverRole === undefined ? 'no one: its step offers no extension' : `a user with role '${approverRole}' over department '${task.departmentId}'`;
        throw adminDoesNotDecide(viewer, task, `${verb} the extension of`, whoMay);
      }
      assertOpen(task);
      if (approverRole === undefined) {
        throw new ConflictError('extension-not-allowed', `Task '${taskId}' (node '${task.nodeId}') offers no extension`, { taskId });
      }
      if (!this.mayApprove(viewer, organisation, task, approverRole)) {
        throw new ForbiddenError(
          'extension-approver-required',
          `${describe(viewer)} may not ${verb} extending task '${taskId}': a user with role '${approverRole}' over department '${task.departmentId}' may`,
          { taskId, approverRole },
        );
      }
      await step(unit, task, approverRole);
      return unit.task(task.activationId);
    });
  }

  /**
   * Refuses the extension requested for task `taskId`, for `reason` (its clerk is told): the
   * deadline stays, and the step is not extended.
   *
   * @throws NotFoundError `task-not-found`; ForbiddenError `extension-approver-required`;
   *   InvalidInputError `extension-refused` naming `reason` when it is blank; ConflictError
   *   `task-not-open`, `extension-not-allowed`, `extension-not-requested`, `case-suspended`.
   */
  async refuseExtension(taskId: string, viewer: Viewer, input: ExtensionRefusalInput): Promise<TaskRow> {
    return this.decide(taskId, viewer, 'refuse', (unit, task, approverRole) =>
      unit.step({ type: 'task.refuseExtension', nodeId: task.nodeId, taskId: task.activationId, approverRole, reason: input.reason }),
    );
  }

  /**
   * Open tasks whose extension awaits the viewer's approval: in their scope, asking a role they
   * hold other than `admin` (which approves nothing), oldest request first.
   */
  async listExtensionRequests(viewer: Viewer, page?: PageRequest): Promise<Page<TaskWithCaseNumber>> {
    const organisation = await this.options.organisation();
    const departmentIds = visibleDepartmentIds(viewer, organisation);
    const approverRoles = viewer.roles.filter((role) => role !== 'admin');
    if (viewer.kind !== 'user' || departmentIds.length === 0 || approverRoles.length === 0) return { items: [], total: 0 };
    const where = and(
      inArray(tasks.departmentId, departmentIds),
      inArray(tasks.status, ['open', 'claimed']),
      sql`${tasks.extension}->>'status' = 'requested'`,
      inArray(sql<string>`${tasks.extension}->>'approverRole'`, approverRoles),
    );
    const { limit, offset } = pageOf(page);
    const { db } = this.options;
    const [rows, [total]] = await Promise.all([
      db
        .select({ task: tasks, caseNumber: cases.caseNumber })
        .from(tasks)
        .innerJoin(cases, eq(cases.id, tasks.caseId))
        .where(where)
        .orderBy(sql`${tasks.extension}->>'requestedAt'`, asc(tasks.id))
        .limit(limit)
        .offset(offset),
      db.select({ n: sql<number>`count(*)::int` }).from(tasks).where(where),
    ]);
    return { items: rows.map((r) => ({ ...r.task, caseNumber: r.caseNumber })), total: total?.n ?? 0 };
  }

  /**
   * Whether `viewer` holds `approverRole` over the task: in its department, or (a manager or
   * supervisor) over a jurisdiction whose subtree holds the department. The `admin` role never
   * approves: an extension is the competent department's decision (行政许可法 art. 42).
   */
  private mayApprove(viewer: Viewer, organisation: Organisation, task: TaskRow, approverRole: string): boolean {
    if (viewer.kind !== 'user' || approverRole === 'admin' || !viewer.roles.includes(approverRole)) return false;
    if (viewer.departmentId === task.departmentId) return true;
    const department = organisation.department(task.departmentId);
    return (
      seesJurisdiction(viewer) &&
      viewer.jurisdictionId !== undefined &&
      department !== undefined &&
      organisation.subtree(viewer.jurisdictionId).includes(department.jurisdictionId)
    );
  }
}

function assertOpen(task: TaskRow): void {
  if (!OPEN.has(task.status)) {
    throw new ConflictError('task-not-open', `Task '${task.id}' is no longer open (it is ${task.status})`, { taskId: task.id, status: task.status });
  }
}
