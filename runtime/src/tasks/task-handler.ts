import type { TaskRow } from '../db/schema/index.ts';
import { ConflictError, ForbiddenError } from '../errors/index.ts';
import { adminDoesNotDecide, describe, type TaskAct } from '../organisation/access.ts';
import { isAdmin, type Viewer } from '../organisation/viewer.ts';

/** What a handler does to a task, as a refusal names it. */
export type HandlerAct = Extract<TaskAct, 'complete' | 'unclaim' | 'transfer' | 'delegate' | 'resolve' | 'comment on' | 'copy' | 'add signers to'>;

const OPEN = new Set(['open', 'claimed']);

/**
 * Checks that `viewer` handles `task` now and may `act` on it (pure):
 * - the viewer is its assignee, its owner or delegatee, or a candidate (a user of its department
 *   holding its candidate role); else 403 `task-forbidden` (`admin-does-not-decide` for an admin);
 * - the task is open or claimed (409 `task-not-open`);
 * - while a delegation (委派) is under way only its delegatee acts, and only to resolve it or
 *   comment (403 `delegatee-may-only-resolve`); its owner waits (409 `task-delegated`);
 * - `resolve` needs a delegation whose delegatee is the viewer (409 `task-not-delegated`);
 * - a claimed task is its assignee's (409 `task-claimed` for another candidate); an open task
 *   is any candidate's.
 */
export function assertHandles(viewer: Viewer, task: TaskRow, act: HandlerAct): void {
  const me = viewer.kind === 'user' ? (viewer.userId ?? null) : null;
  const { delegation } = task;
  if (delegation && me !== null && delegation.to === me) {
    assertOpen(task);
    if (act === 'resolve' || act === 'comment on') return;
    throw new ForbiddenError(
      'delegatee-may-only-resolve',
      `Task '${task.id}' was delegated to ${describe(viewer)}, who may only resolve it back to '${delegation.from}' (and comment); the owner completes it`,
      { taskId: task.id, owner: delegation.from, act },
    );
  }
  const candidate = viewer.kind === 'user' && viewer.departmentId === task.departmentId && task.candidateRole !== 'admin' && viewer.roles.includes(task.candidateRole);
  if (!candidate && !(me !== null && (task.assigneeId === me || delegation?.from === me))) {
    if (isAdmin(viewer)) throw adminDoesNotDecide(viewer, task, act, `its assignee or a user of that department with role '${task.candidateRole}'`);
    throw new ForbiddenError(
      'task-forbidden',
      `Task '${task.id}' belongs to department '${task.departmentId}' (role '${task.candidateRole}'); ${describe(viewer)} may not ${act} it`,
      { taskId: task.id, departmentId: task.departmentId },
    );
  }
  assertOpen(task);
  if (delegation && me !== null && delegation.from === me) {
    throw new ConflictError('task-delegated', `Task '${task.id}' is delegated to '${delegation.to}'; it comes back when they resolve it`, {
      taskId: task.id,
      delegatee: delegation.to,
    });
  }
  if (task.signing?.role === 'waiting' && act !== 'comment on') {
    throw new ConflictError('task-awaiting-signer', `Task '${task.id}' waits for its added signer (task '${task.signing.signerTaskId}')`, {
      taskId: task.id,
      signerTaskId: task.signing.signerTaskId,
    });
  }
  if (task.signing?.role === 'signer' && act !== 'complete' && act !== 'comment on') {
    throw new ForbiddenError('signer-may-only-approve', `Task '${task.id}' is an added signer's: its signer approves it (and comments)`, { taskId: task.id, act });
  }
  if (act === 'resolve') {
    throw new ConflictError('task-not-delegated', `Task '${task.id}' is not delegated to ${describe(viewer)}: there is nothing to resolve`, { taskId: task.id });
  }
  if (task.assigneeId !== null && task.assigneeId !== me) {
    throw new ConflictError('task-claimed', `Task '${task.id}' is claimed by another user`, { taskId: task.id, assigneeId: task.assigneeId });
  }
}

function assertOpen(task: TaskRow): void {
  if (!OPEN.has(task.status)) {
    throw new ConflictError('task-not-open', `Task '${task.id}' is no longer open (it is ${task.status})`, { taskId: task.id, status: task.status });
  }
}
