import { and, eq, inArray } from 'drizzle-orm';
import type { CaseExecutor } from '../cases/case-executor.ts';
import { caseViewOf, type CaseView } from '../cases/case-views.ts';
import { tasks, users, type SignerPosition, type TaskRow } from '../db/schema/index.ts';
import { ConflictError, ForbiddenError, InvalidInputError } from '../errors/index.ts';
import { assertManagesCase, describe } from '../organisation/access.ts';
import type { Organisation } from '../organisation/organisation.ts';
import type { Viewer } from '../organisation/viewer.ts';
import { currentTask, requiredReason } from './hand-off.ts';
import { addSigner, removeAddedSigner } from './single-task-signers.ts';
import { decide } from './tasks.service.ts';
import { assertHandles } from './task-handler.ts';

/** At most this many signers added at once. */
export const MAX_ADDED_SIGNERS = 20;

/** What adding or removing a signer answers: the task acted on, its case, the tasks opened meanwhile. */
export interface SignersResult {
  task: TaskRow;
  case: CaseView;
  createdTasks: TaskRow[];
  closedTasks: TaskRow[];
}

/**
 * Added signers (加签) and their removal (减签) on a countersignature (会签): the engine opens one
 * instance per added signer, counted by the node's completion rule, and on a removal applies that
 * rule again at once to the instances left (the node moves on when they decide it). Each added
 * instance is a task like any other: routed, with its own deadlines counted on the case's business
 * calendar from the moment it is added. Reasons are required and kept in the audit trail.
 * On a single task, one signer is added before or after its assignee (see `single-task-signers.ts`).
 */
export class TaskSignersService {
  constructor(private readonly options: { executor: CaseExecutor; organisation: () => Promise<Organisation> }) {}

  /**
   * The handler of open instance `taskId` adds `signers`: usernames of users of its department
   * holding its candidate role (a countersignature over assignees), or department kinds (one over
   * departments). With `position` (a single task, its assignee): one username, any user but the
   * caller, who signs before or after the assignee decides.
   * @throws InvalidInputError `reason-required`, `invalid-signers`, `not-a-candidate`, `signer-refused`, `unknown-user`, `hand-off-to-self` (field `signers`);
   *   ConflictError `not-countersign`, `not-single-task`, `signer-pending`; ForbiddenError; ConflictError `task-not-open`, `task-claimed`, `task-delegated`.
   */
  async addSigners(taskId: string, viewer: Viewer, input: { signers: string[]; reason: string; position?: SignerPosition }): Promise<SignersResult> {
    const reason = requiredReason(input.reason);
    const signers = input.signers.map((s) => s.trim());
    if (signers.length === 0 || signers.length > MAX_ADDED_SIGNERS || signers.some((s) => s === '')) {
      throw new InvalidInputError('invalid-signers', `Name 1 to ${MAX_ADDED_SIGNERS} signers`, { field: 'signers', reason: 'count' });
    }
    const organisation = await this.options.organisation();
    return this.options.executor.withCaseOfTask(taskId, viewer.userId ?? null, async (unit) => {
      const task = await currentTask(unit, taskId);
      assertHandles(viewer, task, 'add signers to');
      if (input.position !== undefined) {
        if (task.instance !== null || task.signing !== null) throw notSingle(task);
        if (signers.length !== 1) throw new InvalidInputError('invalid-signers', 'Name one signer to add to a single task', { field: 'signers', reason: 'count' });
        const created = await addSigner(unit, task, { position: input.position, signer: signers[0]!, reason, callerId: viewer.userId ?? '' });
        return { task: await currentTask(unit, taskId), case: caseViewOf(unit.case), createdTasks: created ? [created] : [], closedTasks: [] };
      }
      if (task.instance === null) throw notCountersign(task);
      if (task.instance.over === 'assignees') {
        const found = await unit.tx
          .select({ username: users.username })
          .from(users)
          .where(and(inArray(users.username, signers), eq(users.departmentId, task.departmentId)));
        const qualified = new Set(found.map((u) => u.username));
        const missing = signers.filter((s) => !qualified.has(s));
        if (missing.length > 0) {
          throw new InvalidInputError('not-a-candidate', `${missing.map((s) => `'${s}'`).join(', ')} are not users of department '${task.departmentId}'`, {
            field: 'signers',
            reason: 'not-a-candidate',
            missing,
          });
        }
      } else {
        const { level } = unit.userTask(task.nodeId);
        const unknown = signers.filter((kind) => !routes(organisation, unit.case.jurisdictionId, kind, level));
        if (unknown.length > 0) {
          throw new InvalidInputError('unknown-department-kind', `No department of kind ${unknown.map((s) => `'${s}'`).join(', ')} serves this case`, { field: 'signers', reason: 'unknown-kind' });
        }
      }
      unit.record('task.signersAdded', { nodeId: task.nodeId, activationId: task.activationId, signers, reason }, task.id);
      const effects = await unit.step({ type: 'task.addSigners', nodeId: task.nodeId, taskId: task.activationId, items: signers });
      if (!effects.some((e) => e.type === 'createTask')) throw notCountersign(task);
      const added = unit.createdTasks.map((t) => t.id);
      const createdTasks = added.length === 0 ? [] : await unit.tx.update(tasks).set({ addedBy: viewer.userId ?? null }).where(inArray(tasks.id, added)).returning();
      return { task, case: caseViewOf(unit.case), createdTasks, closedTasks: [...unit.closedTasks] };
    });
  }

  /**
   * Removes open instance `taskId` from its countersignature, or the signer added to a single task
   * (`taskId`: the signer's task, or the task whose assignee has not yet decided), with a reason:
   * the user who added it, or a manager over the case. The node's completion is checked again at
   * once: a decision held for the signer takes effect.
   * @throws InvalidInputError `reason-required`; ForbiddenError `signer-removal-forbidden`; ConflictError `not-countersign`, `task-not-open`.
   */
  async removeSigner(taskId: string, viewer: Viewer, input: { reason: string }): Promise<SignersResult> {
    const reason = requiredReason(input.reason);
    const organisation = await this.options.organisation();
    return this.options.executor.withCaseOfTask(taskId, viewer.userId ?? null, async (unit) => {
      const task = await currentTask(unit, taskId);
      const addedBy = task.signing?.role === 'after' ? task.signing.by : task.addedBy;
      const adder = viewer.kind === 'user' && addedBy !== null && addedBy === viewer.userId;
      if (!adder) {
        try {
          assertManagesCase(viewer, organisation, unit.case.id, unit.case.jurisdictionId);
        } catch {
          throw new ForbiddenError(
            'signer-removal-forbidden',
            `${describe(viewer)} may not remove the added signer of task '${taskId}' (or it from its countersignature): the user who added it, or a manager over the case, may`,
            { taskId },
          );
        }
      }
      if (task.status !== 'open' && task.status !== 'claimed') {
        throw new ConflictError('task-not-open', `Task '${taskId}' is no longer open (it is ${task.status})`, { taskId, status: task.status });
      }
      if (task.signing?.role === 'signer' || task.signing?.role === 'after') {
        const removed = await removeAddedSigner(unit, task, reason);
        const { decision, task: held } = removed.released;
        if (decision) await decide(unit, held, held.assigneeId, decision);
        return { task: removed.task, case: caseViewOf(unit.case), createdTasks: [...unit.createdTasks], closedTasks: [...unit.closedTasks] };
      }
      if (task.instance === null) throw notCountersign(task);
      unit.record('task.signerRemoved', { nodeId: task.nodeId, activationId: task.activationId, item: task.instance.item, reason }, task.id);
      await unit.step({ type: 'task.removeSigner', nodeId: task.nodeId, taskId: task.activationId });
      const closed = unit.closedTasks.find((t) => t.id === taskId) ?? task;
      return { task: closed, case: caseViewOf(unit.case), createdTasks: [...unit.createdTasks], closedTasks: [...unit.closedTasks] };
    });
  }
}

/** Whether a task of department kind `kind` at `level` can be routed for a case of `jurisdictionId`. */
function routes(organisation: Organisation, jurisdictionId: string, kind: string, level: string): boolean {
  try {
    organisation.routeTask(jurisdictionId, kind, level);
    return true;
  } catch {
    return false;
  }
}

function notSingle(task: TaskRow): ConflictError {
  return new ConflictError('not-single-task', `Task '${task.id}' is not a single task free of added signers: a signer is added before its assignee on those`, {
    taskId: task.id,
    nodeId: task.nodeId,
  });
}

function notCountersign(task: TaskRow): ConflictError {
  return new ConflictError('not-countersign', `Task '${task.id}' is not one of a countersignature (会签): signers are added to and removed from those`, {
    taskId: task.id,
    nodeId: task.nodeId,
  });
}
