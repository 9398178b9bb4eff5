import { and, desc, eq, gt, inArray, isNotNull, ne } from 'drizzle-orm';
import { planCaseMigration, type MigrationVersion, type PersistedCaseSnapshot } from '@tongban/engine';
import type { CaseExecutor } from '../cases/case-executor.ts';
import type { CaseUnit } from '../cases/case-unit.ts';
import type { Tx } from '../cases/transaction.ts';
import type { Db } from '../db/client.ts';
import { caseEvents, cases, tasks, type TaskRow } from '../db/schema/index.ts';
import { ConflictError, ForbiddenError } from '../errors/index.ts';
import { describe } from '../organisation/access.ts';
import type { Viewer } from '../organisation/viewer.ts';
import { currentTask } from './hand-off.ts';

/** The result of a withdrawal (撤回): the task reopened for its clerk, and the next tasks it closed. */
export interface WithdrawResult {
  task: TaskRow;
  closedTasks: TaskRow[];
}

/**
 * 撤回: the clerk who completed a task takes the completion back while the tasks it opened are
 * untouched. Runs under the lock of the task's case, so of a withdrawal and a claim (or any other
 * operation) on a next task exactly one acts on the state the other left.
 */
export class TaskWithdrawalService {
  constructor(private readonly options: { executor: CaseExecutor }) {}

  /**
   * Withdraws the completion of task `taskId` by its clerk `viewer`, with an optional `reason`:
   * - the next tasks the completion opened close with reason `withdrawn` (SLA state `cancelled`,
   *   never counted as met) and their timers are cancelled;
   * - the case's engine state moves from the next task's node back to the completed node, as a
   *   return does: the node is entered again under a new activation;
   * - that activation's task is created (its limits counted afresh from now, on the case's
   *   calendar, as for a return) and claimed by the clerk;
   * - `task.withdrawn` is recorded with who, when, why, the closed tasks and the new one.
   * Checked in this order: the task is completed (else 409 `task-not-completed`, whoever asks),
   * by the viewer (else 403 `withdraw-forbidden`), and not too late.
   * @throws NotFoundError `task-not-found`; ConflictError `task-not-completed` (open, claimed or
   *   closed undecided: nothing to take back); ForbiddenError `withdraw-forbidden` (completed by
   *   someone else); ConflictError `withdraw-too-late` (`details.rule`: `case-not-running`,
   *   `no-next-task`, `later-work`, `next-task-touched`, `already-withdrawn`) or `withdraw-not-supported` (the
   *   completion opened a countersignature or several nodes at once, which the engine cannot take back to one node;
   *   `details.rule` `no-completion-recorded` for a signer's approval, which is not a decision of the step).
   */
  async withdrawTask(taskId: string, viewer: Viewer, input: { reason?: string } = {}): Promise<WithdrawResult> {
    const reason = input.reason?.trim() ? input.reason.trim() : null;
    return this.options.executor.withCaseOfTask(taskId, viewer.userId ?? null, async (unit) => {
      const task = await currentTask(unit, taskId);
      const me = viewer.kind === 'user' ? (viewer.userId ?? null) : null;
      // First whether there is a completion to take back at all, then whose it is, then whether it is too late.
      if (task.status !== 'completed' || task.completedAt === null) {
        throw new ConflictError('task-not-completed', `Task '${taskId}' is ${task.status}, not completed: there is no completion to withdraw`, { taskId, status: task.status });
      }
      if (me === null || task.assigneeId !== me) {
        throw new ForbiddenError('withdraw-forbidden', `Task '${taskId}' was completed by another user; only its clerk may withdraw it, not ${describe(viewer)}`, { taskId });
      }
      if (unit.case.status !== 'active') throw tooLate(taskId, 'case-not-running', `its case is ${unit.case.status}`);
      const next = await withdrawableNextTasks(unit.tx, task);
      const nextNodeId = (next[0] as TaskRow).nodeId;
      const snapshot = planBack(unit, nextNodeId, task.nodeId, taskId);
      await unit.apply(next.map((t) => ({ type: 'closeTask' as const, taskId: t.activationId, nodeId: t.nodeId, reason: 'withdrawn' as const })));
      unit.update({ snapshot: snapshot.snapshot });
      await unit.apply(snapshot.cancelledTimers.map((timerId) => ({ type: 'cancelTimer' as const, timerId, nodeId: nextNodeId })));
      await unit.apply([{ type: 'createTask', taskId: snapshot.activationId, nodeId: task.nodeId }]);
      const created = unit.createdTasks.at(-1) as TaskRow;
      const [reopened] = await unit.tx
        .update(tasks)
        .set({ status: 'claimed', assigneeId: me, claimedAt: unit.now })
        .where(eq(tasks.id, created.id))
        .returning();
      unit.record(
        'task.withdrawn',
        {
          nodeId: task.nodeId,
          activationId: task.activationId,
          reason,
          closedTasks: next.map((t) => t.id),
          reopenedTaskId: created.id,
          reopenedActivationId: created.activationId,
          assigneeId: me,
        },
        task.id,
      );
      return { task: reopened ?? created, closedTasks: unit.closedTasks.filter((t) => next.some((n) => n.id === t.id)) };
    });
  }
}

function tooLate(taskId: string, rule: string, why: string): ConflictError {
  return new ConflictError('withdraw-too-late', `Task '${taskId}' can no longer be withdrawn: ${why}`, { taskId, rule });
}

/**
 * The tasks the completion of `task` opened (those whose creation the audit trail records after
 * that completion), once nothing happened since: refused when another task of the case was acted
 * on after it, or a next task was (anything beyond its creation in the audit trail: a claim, a
 * comment, a hand-off, a 补正, an extension request), or is no longer open and unclaimed; and when
 * they are a countersignature or at several steps (`withdraw-not-supported`).
 */
export async function withdrawableNextTasks(tx: Tx | Db, task: TaskRow): Promise<TaskRow[]> {
  const [completion] = await tx
    .select({ id: caseEvents.id })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, task.caseId), eq(caseEvents.taskId, task.id), eq(caseEvents.type, 'task.completed')))
    .orderBy(desc(caseEvents.id))
    .limit(1);
  if (!completion) {
    throw new ConflictError('withdraw-not-supported', `Task '${task.id}' records no completion of its step to take back (a signer's approval is not withdrawn)`, {
      taskId: task.id,
      rule: 'no-completion-recorded',
    });
  }
  const since = await tx
    .select({ taskId: caseEvents.taskId, type: caseEvents.type })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, task.caseId), gt(caseEvents.id, completion.id), isNotNull(caseEvents.taskId)));
  if (since.some((e) => e.taskId === task.id && e.type === 'task.withdrawn')) throw tooLate(task.id, 'already-withdrawn', 'its completion was already withdrawn');
  const nextIds = since.filter((e) => e.type === 'task.created').map((e) => e.taskId as string);
  if (nextIds.length === 0) throw tooLate(task.id, 'no-next-task', 'its completion opened no task to take back');
  const acted = since.find((e) => e.taskId !== task.id && e.type !== 'task.created');
  if (acted) {
    const rule = nextIds.includes(acted.taskId as string) ? 'next-task-touched' : 'later-work';
    throw tooLate(task.id, rule, `task '${acted.taskId}' was acted on since (${acted.type})`);
  }
  const next = await tx.select().from(tasks).where(inArray(tasks.id, nextIds));
  const touched = next.find((t) => t.status !== 'open' || t.assigneeId !== null || t.handoffs.length > 0 || t.supplementRequest !== null || t.delegation !== null);
  if (touched) throw tooLate(task.id, 'next-task-touched', `next task '${touched.id}' is ${touched.status}`);
  const nodes = [...new Set(next.map((t) => t.nodeId))];
  if (nodes.length !== 1 || next.some((t) => t.instance !== null)) {
    throw new ConflictError(
      'withdraw-not-supported',
      `Task '${task.id}' opened ${next.length} tasks at ${nodes.map((n) => `'${n}'`).join(', ')}; a completion that opened a countersignature or several steps at once cannot be withdrawn`,
      { taskId: task.id, nextTaskIds: next.map((t) => t.id) },
    );
  }
  return next;
}

/**
 * The ids of `rows` (tasks of the done list of `userId`) whose completion that user may withdraw
 * now: completed by them, their case running, the next tasks untouched.
 */
export async function withdrawableTaskIds(db: Db, userId: string, rows: readonly TaskRow[]): Promise<Set<string>> {
  const mine = rows.filter((t) => t.status === 'completed' && t.assigneeId === userId);
  if (mine.length === 0) return new Set();
  const running = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(inArray(cases.id, [...new Set(mine.map((t) => t.caseId))]), eq(cases.status, 'active')));
  const active = new Set(running.map((c) => c.id));
  const ids = new Set<string>();
  for (const task of mine.filter((t) => active.has(t.caseId))) {
    const refused = await withdrawableNextTasks(db, task).then(
      () => false,
      (error: unknown) => {
        if (error instanceof ConflictError) return true;
        throw error;
      },
    );
    if (!refused) ids.add(task.id);
  }
  return ids;
}

/**
 * The case's engine state moved from node `from` (the next task's) back to node `to` (the completed
 * one), by the engine's move of an active node within its own version: `to` is entered again
 * under a new activation. Returns the snapshot, that activation and the engine timers of `from` to cancel.
 */
function planBack(unit: CaseUnit, from: string, to: string, taskId: string): { snapshot: PersistedCaseSnapshot; activationId: string; cancelledTimers: string[] } {
  const version: MigrationVersion = { definition: unit.definition.definition, machine: unit.definition.machine as unknown as MigrationVersion['machine'] };
  const plan = planCaseMigration(version, version, unit.case.snapshot, { [from]: to });
  const moved = plan.nodes.find((n) => n.nodeId === from);
  const timers = plan.timers.filter((t) => t.nodeId === from);
  if (plan.snapshot === undefined || moved === undefined || timers.some((t) => t.action !== 'cancelled')) {
    throw new ConflictError('withdraw-not-supported', `Task '${taskId}' cannot be taken back from '${from}' to '${to}' (${plan.refusal ?? 'timers move with it'})`, {
      taskId,
      rule: plan.refusal ?? 'timer-moves',
    });
  }
  return { snapshot: plan.snapshot, activationId: moved.targetActivationId, cancelledTimers: timers.map((t) => t.timerId) };
}
