import { eq, sql } from 'drizzle-orm';
import type { CaseUnit } from '../cases/case-unit.ts';
import { tasks, users, type HandoffKind, type TaskDelegation, type TaskHandoff, type TaskRow } from '../db/schema/index.ts';
import { InvalidInputError, NotFoundError } from '../errors/index.ts';

/** The audit event type of each kind of hand-off. */
const EVENT_TYPES: Record<HandoffKind, string> = {
  transfer: 'task.transferred',
  delegate: 'task.delegated',
  resolve: 'task.resolved',
  unclaim: 'task.unclaimed',
  reassign: 'task.reassigned',
  addSigner: 'task.signerAdded',
  signerApproved: 'task.signerApproved',
  removeSigner: 'task.signerRemoved',
};

/** Where a hand-off moves a task: to a user (claimed by them) or back to a department's queue. */
export interface HandOff {
  kind: HandoffKind;
  /** The new assignee; null puts the task back in the queue of `departmentId` (open). */
  to: string | null;
  /** The department the task belongs to afterwards (its own when unchanged). */
  departmentId: string;
  reason: string | null;
  /** The delegation the task is under afterwards (null ends one). */
  delegation: TaskDelegation | null;
}

/**
 * Moves `task` (read under the case lock) to another handler inside `unit`'s transaction: the row
 * takes its new assignee, department and delegation; the first handler is kept as `ownerId`
 * through every later hand-off; the link is appended to `handoffs` (never rewritten) and to the
 * case's audit trail (`task.transferred`, `task.delegated`, `task.resolved`, `task.unclaimed`,
 * `task.reassigned`) with who, to whom and why. The task's clocks run on: it is the same activation.
 */
export async function handOff(unit: CaseUnit, task: TaskRow, change: HandOff): Promise<TaskRow> {
  const link: TaskHandoff = {
    kind: change.kind,
    by: unit.actorId,
    from: task.assigneeId,
    to: change.to,
    fromDepartmentId: task.departmentId,
    toDepartmentId: change.departmentId,
    reason: change.reason,
    at: unit.now.toISOString(),
  };
  const keepsOwner = change.kind === 'transfer' || change.kind === 'delegate' || change.kind === 'reassign';
  const [moved] = await unit.tx
    .update(tasks)
    .set({
      assigneeId: change.to,
      status: change.to === null ? 'open' : 'claimed',
      claimedAt: change.to === null ? null : unit.now,
      departmentId: change.departmentId,
      delegation: change.delegation,
      ...(keepsOwner && task.ownerId === null && task.assigneeId !== null ? { ownerId: task.assigneeId } : {}),
      handoffs: sql`${tasks.handoffs} || ${JSON.stringify([link])}::jsonb`,
    })
    .where(eq(tasks.id, task.id))
    .returning();
  unit.record(
    EVENT_TYPES[change.kind],
    {
      nodeId: task.nodeId,
      activationId: task.activationId,
      from: link.from,
      to: link.to,
      fromDepartmentId: link.fromDepartmentId,
      toDepartmentId: link.toDepartmentId,
      reason: link.reason,
    },
    task.id,
  );
  return moved as TaskRow;
}

/** The task row of `taskId` as it is now (read again after the case lock was taken). */
export async function currentTask(unit: CaseUnit, taskId: string): Promise<TaskRow> {
  const [task] = await unit.tx.select().from(tasks).where(eq(tasks.id, taskId));
  if (!task) throw new NotFoundError('task-not-found', `Task '${taskId}' does not exist`, { taskId });
  return task;
}

/**
 * The user `userId` as a hand-off target: one that exists, is not `callerId` and, when `qualifies`
 * is given, meets it (a user of the task's department holding its candidate role).
 * @throws InvalidInputError on `field` (`unknown-user`, `self`, `not-a-candidate`).
 */
export async function targetUser(
  unit: CaseUnit,
  userId: string,
  options: { field: string; callerId: string | null; qualifies?: { departmentId: string; role: string } },
): Promise<{ id: string; departmentId: string; roles: string[] }> {
  const [user] = await unit.tx.select({ id: users.id, departmentId: users.departmentId, roles: users.roles }).from(users).where(eq(users.id, userId));
  if (!user) throw new InvalidInputError('unknown-user', `User '${userId}' does not exist`, { field: options.field, reason: 'unknown-user' });
  if (user.id === options.callerId) {
    throw new InvalidInputError('hand-off-to-self', `User '${userId}' is the caller: a task is handed to someone else`, { field: options.field, reason: 'self' });
  }
  const { qualifies } = options;
  if (qualifies && (user.departmentId !== qualifies.departmentId || !user.roles.includes(qualifies.role))) {
    throw new InvalidInputError(
      'not-a-candidate',
      `User '${userId}' is not a user of department '${qualifies.departmentId}' with role '${qualifies.role}', who may handle this task`,
      { field: options.field, reason: 'not-a-candidate' },
    );
  }
  return user;
}

/**
 * `reason` trimmed, or a 400 `reason-required` naming `field` when it is missing or blank.
 * @throws InvalidInputError `reason-required`.
 */
export function requiredReason(reason: string | undefined | null, field = 'reason'): string {
  const trimmed = typeof reason === 'string' ? reason.trim() : '';
  if (trimmed === '') throw new InvalidInputError('reason-required', `A reason is required in '${field}'`, { field, reason: 'required' });
  return trimmed;
}
