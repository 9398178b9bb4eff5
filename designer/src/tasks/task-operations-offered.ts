import type { CurrentUser, TaskView } from '../api/api.types.ts';
import { mayDecideTask } from './may-decide-task.ts';
import type { TaskOperation } from './TaskOperationDialog.tsx';

/** Roles that oversee the cases of a jurisdiction and may manage the tasks in it. */
const overseers = ['manager', 'admin'];

/**
 * The operations the console offers `user` on `task` (the API checks each again):
 * - the delegatee of a delegated task only resolves it back (归还);
 * - its handler (the assignee, or a candidate while it is unclaimed) transfers it and copies its case;
 * - its assignee delegates it, gives it back (unclaim) and adds signers (on a single task, one
 *   before or after them, while it has none);
 * - a manager or admin unclaims a task someone holds and removes a countersign member (减签),
 *   as anyone else on the node may who added one; the user who added a signer to a single task
 *   removes it from the signer's task.
 * Nothing is offered on a closed task or a suspended case, on a task waiting for its signer, nor
 * to a signer on their task (they only approve it). Pure.
 */
export function taskOperationsOffered(user: Pick<CurrentUser, 'id' | 'roles' | 'department'> | null, task: TaskView): TaskOperation[] {
  if (user === null || (task.status !== 'open' && task.status !== 'claimed')) return [];
  if (task.delegation !== null) return task.delegation.to === user.id ? ['resolve'] : [];
  const assignee = task.status === 'claimed' && task.assigneeId === user.id;
  if (task.signing?.role === 'waiting' || (task.signing?.role === 'signer' && assignee)) return [];
  const handler = assignee || (task.status === 'open' && mayDecideTask(user, task));
  const overseer = user.roles.some((role) => overseers.includes(role));
  const offered: TaskOperation[] = [];
  if (handler) offered.push('transfer');
  if (assignee) offered.push('delegate');
  if (assignee && (task.instance !== null || !task.signing)) offered.push('addSigners');
  if (task.instance !== null && !assignee && (overseer || mayDecideTask(user, task))) offered.push('removeSigner');
  if (task.signing?.role === 'signer' && (overseer || task.signing.by === user.id)) offered.push('removeSigner');
  if (handler) offered.push('copy');
  if (task.status === 'claimed' && (assignee || overseer)) offered.push('unclaim');
  return offered;
}
