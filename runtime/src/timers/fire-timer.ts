import { eq } from 'drizzle-orm';
import { slaEdgeBehaviour, type SlaLimit, type WorkflowEdge } from '@tongban/engine';
import type { Db } from '../db/client.ts';
import { tasks, timers, type TaskRow, type TimerRow } from '../db/schema/index.ts';
import type { CaseExecutor } from '../cases/case-executor.ts';
import type { CaseUnit } from '../cases/case-unit.ts';
import { ConflictError } from '../errors/index.ts';
import { queueRetry } from '../service-tasks/invocation-book.ts';
import { escalateBreach } from './escalate-breach.ts';
import { remindTask } from './remind-task.ts';

/** What firing a timer did. `notDue`: the job came early (the caller re-delays it to `dueAt`). */
export type FireResult =
  | { status: 'fired'; timer: TimerRow }
  | { status: 'skipped' | 'missing' }
  | { status: 'notDue'; dueAt: Date };

const OPEN_STATUSES = new Set(['open', 'claimed']);

/**
 * Fires timer `timerId`: the one handler behind every BullMQ timer job, delayed or enqueued by
 * `advanceClock`. Idempotent: inside the case's transaction (case row locked) it does nothing
 * unless the timer is still `pending` and due, and it marks it `fired` in the same transaction as
 * its effects, so a job run twice (at-least-once delivery, pitfalls B17) acts once.
 *
 * - `taskAtRisk`: the task's promised limit passed → `slaState: 'atRisk'`, event `task.atRisk`;
 *   an SLA edge watching that limit then acts (engine event `task.slaBreach`, limit `promised`).
 * - `taskBreach`: the statutory limit passed → `overdue`, event `task.overdue`; the SLA edge
 *   watching that limit then acts (its effects escalate, notify, or close the task and deem an
 *   outcome); without one the task is escalated.
 * - on an added signer's task (加签), the two limits mark it the same way; the case does not move
 *   for them: the signer's task is reminded or escalated as the node's SLA edge on that limit says
 *   (`signerLimitPassed`).
 * - `caseAtRisk`: the case's promised total passed → case `slaState: 'atRisk'`, event `case.atRisk`.
 * - `serviceRetry`: a failed service attempt's backoff passed → the next attempt is queued.
 * - `acceptance`, `timerEvent`: a timer the engine asked for came due → engine event
 *   `timer.fired` (an intake's art. 32 deadline deems the case accepted; a timer node moves on);
 *   one the engine no longer waits for is recorded as `timer.ignored`.
 */
export async function fireTimer(db: Db, executor: CaseExecutor, timerId: string): Promise<FireResult> {
  const [found] = await db.select({ caseId: timers.caseId }).from(timers).where(eq(timers.id, timerId));
  if (!found) return { status: 'missing' };
  return executor.withCase(found.caseId, null, async (unit): Promise<FireResult> => {
    const [timer] = await unit.tx.select().from(timers).where(eq(timers.id, timerId));
    if (!timer || timer.status !== 'pending') return { status: 'skipped' };
    if (timer.dueAt && timer.dueAt.getTime() > unit.now.getTime()) return { status: 'notDue', dueAt: timer.dueAt };
    const [fired] = await unit.tx
      .update(timers)
      .set({ status: 'fired', firedAt: unit.now })
      .where(eq(timers.id, timerId))
      .returning();
    await applyTimer(unit, fired as TimerRow);
    return { status: 'fired', timer: fired as TimerRow };
  });
}

async function applyTimer(unit: CaseUnit, timer: TimerRow): Promise<void> {
  const payload = { timerId: timer.id, dueAt: timer.dueAt?.toISOString() ?? null };
  if (timer.kind === 'acceptance' || timer.kind === 'timerEvent') {
    if (timer.engineTimerId === null || timer.nodeId === null) return;
    try {
      await unit.step({ type: 'timer.fired', nodeId: timer.nodeId, timerId: timer.engineTimerId });
    } catch (error) {
      if (!(error instanceof ConflictError && error.code === 'timer-not-pending')) throw error;
      unit.record('timer.ignored', { ...payload, nodeId: timer.nodeId, reason: error.message });
    }
    return;
  }
  if (timer.kind === 'serviceRetry') {
    if (timer.activationId !== null) await queueRetry(unit, timer.activationId);
    return;
  }
  if (timer.kind === 'caseAtRisk') {
    if (unit.case.status === 'completed' || unit.case.slaState !== 'onTrack') return;
    unit.update({ slaState: 'atRisk' });
    unit.record('case.atRisk', payload);
    return;
  }
  if (timer.taskId === null) return;
  const [task] = await unit.tx.select().from(tasks).where(eq(tasks.id, timer.taskId));
  if (!task || !OPEN_STATUSES.has(task.status)) return;
  const limit: SlaLimit = timer.kind === 'taskAtRisk' ? 'promised' : 'statutory';
  if (limit === 'promised') {
    if (task.slaState !== 'onTrack') return;
    await unit.tx.update(tasks).set({ slaState: 'atRisk' }).where(eq(tasks.id, task.id));
    unit.record('task.atRisk', { ...payload, nodeId: task.nodeId }, task.id);
  } else {
    await unit.tx.update(tasks).set({ slaState: 'overdue' }).where(eq(tasks.id, task.id));
    unit.record('task.overdue', { ...payload, nodeId: task.nodeId }, task.id);
  }
  const passed = { ...task, slaState: limit === 'promised' ? ('atRisk' as const) : ('overdue' as const) };
  const edge = slaEdgeWatching(unit, task.nodeId, limit);
  if (task.signing?.role === 'signer') {
    await signerLimitPassed(unit, passed, limit, edge);
  } else if (edge) {
    await unit.step({ type: 'task.slaBreach', nodeId: task.nodeId, taskId: task.activationId, limit });
  } else if (limit === 'statutory') {
    await escalateBreach(unit, passed);
  }
}

/**
 * A limit of an added signer's task passed. The signer's task is no activation of the engine's
 * machine, and the node's SLA edge acts on the task it holds (which keeps its own clocks): the
 * case never moves for a signer's limit. The signer's task is answered as a non-interrupting edge
 * would: its department reminded where the edge watching the limit notifies; escalated where it
 * does anything else (escalate, or an outcome the signer's silence cannot decide for the node),
 * and at the statutory limit when no edge watches it, as any task is.
 */
async function signerLimitPassed(unit: CaseUnit, task: TaskRow, limit: SlaLimit, edge: WorkflowEdge | undefined): Promise<void> {
  if (edge && slaEdgeBehaviour(edge).action === 'notify') await remindTask(unit, task, { limit, edgeId: edge.id });
  else if (edge) await escalateBreach(unit, task, { limit, edgeId: edge.id });
  else if (limit === 'statutory') await escalateBreach(unit, task);
}

/** The SLA edge of node `nodeId` that watches its `limit`, if one does. */
function slaEdgeWatching(unit: CaseUnit, nodeId: string, limit: SlaLimit): WorkflowEdge | undefined {
  return unit.definition.definition.edges.find((edge) => edge.source === nodeId && edge.kind === 'slaBreach' && slaEdgeBehaviour(edge).limit === limit);
}
