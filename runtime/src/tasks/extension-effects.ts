import { and, eq } from 'drizzle-orm';
import type { Effect } from '@tongban/engine';
import { notifications, tasks, type TaskExtensionRecord, type TaskRow } from '../db/schema/index.ts';
import type { CaseWork } from '../cases/case-work.ts';
import { extendTaskTimer, taskDeadlineProvisional } from '../timers/timer-book.ts';

type EffectOf<T extends Effect['type']> = Extract<Effect, { type: T }>;

/**
 * Records the extension its clerk asks for on a task (行政许可法 art. 42), and tells the task's
 * department, where its approvers are (notification `extensionRequest`).
 */
export async function recordExtensionRequest(unit: CaseWork, effect: EffectOf<'requestExtensionApproval'>): Promise<void> {
  const { taskId: activationId, by, reason, approverRole } = effect;
  const extension: TaskExtensionRecord = {
    amount: by.amount,
    unit: by.unit,
    reason,
    status: 'requested',
    approverRole,
    requestedBy: unit.actorId,
    requestedAt: unit.now.toISOString(),
  };
  const [task] = await unit.tx
    .update(tasks)
    .set({ extension })
    .where(and(eq(tasks.caseId, unit.case.id), eq(tasks.activationId, activationId)))
    .returning();
  if (!task) throw new Error(`Case '${unit.case.id}' has no task activation '${activationId}'`);
  await unit.notifyDepartment(task, 'extensionRequest', `任务「${task.name}」（办件 ${unit.case.id}）申请延长法定时限 ${by.amount} ${by.unit}：${reason}`, {
    nodeId: task.nodeId,
    activationId,
    by,
    reason,
    approverRole,
  });
  unit.record('task.extensionRequested', { nodeId: task.nodeId, activationId, by, reason, approverRole }, task.id);
}

/**
 * Records the refusal of the extension asked for on a task, and tells the task's department and
 * the clerk who asked (notification `extensionRefused`). The deadline stays.
 */
export async function recordExtensionRefusal(unit: CaseWork, effect: EffectOf<'extensionRefused'>): Promise<void> {
  const { taskId: activationId, by, reason } = effect;
  const task = await unit.task(activationId);
  const extension: TaskExtensionRecord | null = task.extension && {
    ...task.extension,
    status: 'refused',
    refusedBy: unit.actorId,
    refusedAt: unit.now.toISOString(),
    refusalReason: reason,
  };
  await unit.tx.update(tasks).set({ extension }).where(eq(tasks.id, task.id));
  await unit.notifyDepartment(task, 'extensionRefused', `任务「${task.name}」（办件 ${unit.case.id}）延长法定时限 ${by.amount} ${by.unit} 的申请未获批准：${reason}`, {
    nodeId: task.nodeId,
    activationId,
    by,
    reason,
  });
  await notifyRequester(unit, task, 'extensionRefused', `您为任务「${task.name}」（办件 ${unit.case.id}）申请的延期未获批准：${reason}`, { by, reason });
  unit.record('task.extensionRefused', { nodeId: task.nodeId, activationId, by, reason, dueAt: task.dueAt?.toISOString() ?? null }, task.id);
}

/**
 * Moves a task's statutory deadline `by` later, counted on the case's calendar from the deadline
 * it had (行政许可法 art. 42), and its breach timer with it; a task overdue before the approval is
 * no longer overdue. The clerk who asked is told (notification `extensionApproved`).
 */
export async function extendDeadline(unit: CaseWork, effect: EffectOf<'extendDeadline'>): Promise<void> {
  const { taskId: activationId, by } = effect;
  const task = await unit.task(activationId);
  if (task.dueAt === null) throw new Error(`Task '${task.id}' of case '${unit.case.id}' has no statutory deadline to extend`);
  const ctx = unit.timerContext();
  const timer = await extendTaskTimer(ctx, { taskId: task.id, owner: task.activationId, previousDueAt: task.dueAt }, 'taskBreach', by);
  const dueAt = timer.dueAt as Date;
  const pastPromise = task.atRiskAt !== null && task.atRiskAt.getTime() <= unit.now.getTime();
  const extension: TaskExtensionRecord | null = task.extension && {
    ...task.extension,
    status: 'approved',
    approvedBy: unit.actorId,
    approvedAt: unit.now.toISOString(),
    previousDueAt: task.dueAt.toISOString(),
    dueAt: dueAt.toISOString(),
  };
  await unit.tx
    .update(tasks)
    .set({
      dueAt,
      extension,
      provisional: await taskDeadlineProvisional(ctx, task.id),
      ...(task.slaState === 'overdue' ? { slaState: pastPromise ? 'atRisk' : 'onTrack' } : {}),
    })
    .where(eq(tasks.id, task.id));
  await notifyRequester(unit, task, 'extensionApproved', `您为任务「${task.name}」（办件 ${unit.case.id}）申请的延期已获批准，法定时限延至 ${dueAt.toISOString()}`, {
    by,
    previousDueAt: task.dueAt.toISOString(),
    dueAt: dueAt.toISOString(),
  });
  unit.record(
    'task.extended',
    { nodeId: task.nodeId, activationId, by, reason: task.extension?.reason ?? null, previousDueAt: task.dueAt.toISOString(), dueAt: dueAt.toISOString() },
    task.id,
  );
}

/** Tells the clerk who asked for a task's extension of the decision, in their 消息. */
async function notifyRequester(unit: CaseWork, task: TaskRow, kind: 'extensionApproved' | 'extensionRefused', message: string, payload: Record<string, unknown>): Promise<void> {
  const requester = task.extension?.requestedBy ?? null;
  if (requester === null) return;
  await unit.tx.insert(notifications).values({
    kind,
    jurisdictionId: unit.organisation.department(task.departmentId)?.jurisdictionId ?? null,
    departmentId: task.departmentId,
    userId: requester,
    caseId: unit.case.id,
    taskId: task.id,
    message,
    payload: { nodeId: task.nodeId, activationId: task.activationId, ...payload },
    createdAt: unit.now,
  });
}
