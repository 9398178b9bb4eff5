import { and, asc, eq, isNull } from 'drizzle-orm';
import { addWorkingMinutes, cnMainlandCalendar } from '@tongban/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, cases, notifications, tasks, timers, type TaskRow } from '../../src/db/schema/index.ts';
import { refusal } from '../support/refusal.ts';
import { PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';

let h: ExecutionHarness;

beforeAll(async () => {
  h = await startExecution();
  await h.publish('extension-permit');
  await h.publish('sla-edges');
  await h.publish('countersign');
}, 120_000);

afterAll(async () => {
  await h?.close();
});

const BEFORE = { position: 'before' as const, signers: ['huangpu.intake'], reason: '请窗口先核' };

/** A new case of `definitionKey` (its first step at the market regulator), that step claimed by huangpu.market. */
async function claimedFirstStep(definitionKey: 'extension-permit' | 'sla-edges'): Promise<TaskRow> {
  const { case: created } = await h.runtime.createCase({ definitionKey, jurisdiction: 'sh-huangpu-nanjing-east', applicant: { name: '钱十八' }, data: {}, actor: PORTAL });
  const [first] = await h.database.db.select().from(tasks).where(eq(tasks.caseId, created.id));
  return h.runtime.claimTask(first!.id, await h.viewer('huangpu.market'));
}

/** Adds huangpu.intake before the assignee of `task` a working day later (the signer's limits end a day after the task's); the signer's task. */
async function signerBefore(task: TaskRow): Promise<TaskRow> {
  await h.runtime.advanceClock({ by: { amount: 1, unit: 'workingDay' } });
  const { createdTasks } = await h.runtime.addSigners(task.id, await h.viewer('huangpu.market'), BEFORE);
  return createdTasks[0]!;
}

async function timersOf(taskId: string) {
  return h.database.db.select().from(timers).where(eq(timers.taskId, taskId)).orderBy(asc(timers.createdAt), asc(timers.id));
}

async function row(taskId: string): Promise<TaskRow> {
  const [found] = await h.database.db.select().from(tasks).where(eq(tasks.id, taskId));
  return found!;
}

async function eventTypes(taskId: string): Promise<string[]> {
  const events = await h.database.db.select({ type: caseEvents.type }).from(caseEvents).where(eq(caseEvents.taskId, taskId)).orderBy(asc(caseEvents.id));
  return events.map((e) => e.type);
}

const minuteAfter = (at: Date | null) => new Date(at!.getTime() + 60_000);

describe('the clocks of an added signer’s task (加签)', () => {
  it('arms its promised and statutory timers as any task’s, marks it at risk and overdue once each, escalates it, and leaves the case where it stood', async () => {
    const review = await claimedFirstStep('extension-permit');
    const signerTask = await signerBefore(review);
    expect(signerTask.dueAt!.getTime()).toBeGreaterThan(review.dueAt!.getTime());
    expect((await timersOf(signerTask.id)).map((t) => [t.id, t.kind, t.status, t.dueAt?.toISOString()])).toEqual([
      [`${review.caseId}.${signerTask.activationId}.taskAtRisk.g1`, 'taskAtRisk', 'pending', signerTask.atRiskAt!.toISOString()],
      [`${review.caseId}.${signerTask.activationId}.taskBreach.g1`, 'taskBreach', 'pending', signerTask.dueAt!.toISOString()],
    ]);

    const warned = await h.runtime.advanceClock({ to: minuteAfter(signerTask.atRiskAt) });
    expect(warned.fired.filter((t) => t.taskId === signerTask.id).map((t) => t.kind)).toEqual(['taskAtRisk']);
    expect(await row(signerTask.id)).toMatchObject({ slaState: 'atRisk', escalatedAt: null });

    const breached = await h.runtime.advanceClock({ to: minuteAfter(signerTask.dueAt) });
    expect(breached.fired.filter((t) => t.taskId === signerTask.id).map((t) => t.kind)).toEqual(['taskBreach']);
    expect((await row(signerTask.id)).escalatedAt?.toISOString()).toBe(signerTask.dueAt!.toISOString());
    const [escalation] = await h.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.taskId, signerTask.id), eq(notifications.jurisdictionId, 'sh'), isNull(notifications.userId)));
    expect(escalation).toMatchObject({ kind: 'escalation', departmentId: 'sh-government-service', caseId: review.caseId });

    const later = await h.runtime.advanceClock({ by: { amount: 3, unit: 'workingDay' } });
    expect(later.fired.filter((t) => t.taskId === signerTask.id)).toEqual([]);
    expect((await timersOf(signerTask.id)).map((t) => t.status)).toEqual(['fired', 'fired']);
    expect(await eventTypes(signerTask.id)).toEqual(['task.created', 'task.atRisk', 'task.overdue', 'task.escalated']);
    const [held] = await h.database.db.select().from(cases).where(eq(cases.id, review.caseId));
    expect(held).toMatchObject({ status: 'active' });
    expect(await row(review.id)).toMatchObject({ status: 'claimed', slaState: 'overdue', signing: { role: 'waiting', signerTaskId: signerTask.id } });

    const approved = await h.runtime.completeTask(signerTask.id, await h.viewer('huangpu.intake'), { outcome: 'approve' });
    expect(approved.task).toMatchObject({ status: 'completed', closeReason: 'completed', slaState: 'breached' });
    expect(await row(review.id)).toMatchObject({ status: 'claimed', signing: null });
  });

  it('answers the node’s SLA edges on the signer’s task without moving the case: reminded at the promised limit, escalated at the statutory one', async () => {
    const inspection = await claimedFirstStep('sla-edges');
    const signerTask = await signerBefore(inspection);
    const moved = await h.runtime.advanceClock({ to: minuteAfter(signerTask.dueAt) });
    expect(moved.fired.filter((t) => t.taskId === signerTask.id).map((t) => t.kind)).toEqual(['taskAtRisk', 'taskBreach']);
    const sent = await h.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.taskId, signerTask.id), isNull(notifications.userId)))
      .orderBy(asc(notifications.id));
    expect(sent.map((n) => [n.kind, n.jurisdictionId, (n.payload as { edgeId?: string }).edgeId])).toEqual([
      ['reminder', 'sh-huangpu', 'e4'],
      ['escalation', 'sh', 'e5'],
    ]);
    expect(await eventTypes(signerTask.id)).toEqual(['task.created', 'task.atRisk', 'task.reminded', 'task.overdue', 'task.escalated']);
    expect(await row(signerTask.id)).toMatchObject({ status: 'claimed', slaState: 'overdue' });
    expect(await row(inspection.id)).toMatchObject({ status: 'claimed', slaState: 'overdue', signing: { role: 'waiting' } });
    const open = await h.database.db.select({ nodeId: tasks.nodeId }).from(tasks).where(and(eq(tasks.caseId, inspection.caseId), eq(tasks.status, 'claimed')));
    expect(open.map((t) => t.nodeId)).toEqual(['inspection', 'inspection']);
  });

  it('cancels the signer’s timers when the signer approves or is removed, whether added before or after the assignee', async () => {
    const clerk = await h.viewer('huangpu.market');
    const approvedFirst = await claimedFirstStep('extension-permit');
    const approving = await signerBefore(approvedFirst);
    const approved = await h.runtime.completeTask(approving.id, await h.viewer('huangpu.intake'), { outcome: 'approve', comment: '无异议' });
    expect(approved.task).toMatchObject({ status: 'completed', slaState: 'met' });
    expect((await timersOf(approving.id)).map((t) => t.status)).toEqual(['cancelled', 'cancelled']);

    const removedBefore = await claimedFirstStep('extension-permit');
    const removing = await signerBefore(removedBefore);
    const removed = await h.runtime.removeSigner(removing.id, clerk, { reason: '无需会审' });
    expect(removed.task).toMatchObject({ status: 'closed', closeReason: 'signerRemoved', slaState: 'cancelled' });
    expect((await timersOf(removing.id)).map((t) => t.status)).toEqual(['cancelled', 'cancelled']);

    const after = await claimedFirstStep('extension-permit');
    await h.runtime.addSigners(after.id, clerk, { ...BEFORE, position: 'after', reason: '需窗口复核' });
    const { nextTasks } = await h.runtime.completeTask(after.id, clerk, { outcome: 'approve' });
    expect((await timersOf(nextTasks[0]!.id)).map((t) => [t.kind, t.status])).toEqual([
      ['taskAtRisk', 'pending'],
      ['taskBreach', 'pending'],
    ]);
    await h.runtime.removeSigner(nextTasks[0]!.id, clerk, { reason: '无需复核' });
    expect((await timersOf(nextTasks[0]!.id)).map((t) => t.status)).toEqual(['cancelled', 'cancelled']);

    const moved = await h.runtime.advanceClock({ to: minuteAfter(removing.dueAt) });
    expect(moved.fired.filter((t) => [approving.id, removing.id, nextTasks[0]!.id].includes(t.taskId ?? ''))).toEqual([]);
  });

  it('cancels them when the task it holds closes at its limit, and when the case ends', async () => {
    const inspection = await claimedFirstStep('sla-edges');
    await h.runtime.completeTask(inspection.id, await h.viewer('huangpu.market'), { outcome: 'approve' });
    const [decisionOpen] = await h.database.db.select().from(tasks).where(and(eq(tasks.caseId, inspection.caseId), eq(tasks.nodeId, 'decision')));
    const decision = await h.runtime.claimTask(decisionOpen!.id, await h.viewer('huangpu.market'));
    const signerTask = await signerBefore(decision);
    const moved = await h.runtime.advanceClock({ to: minuteAfter(decision.dueAt) });
    expect(await row(decision.id)).toMatchObject({ status: 'closed', closeReason: 'breached', outcome: 'approve' });
    expect(await row(signerTask.id)).toMatchObject({ status: 'closed', closeReason: 'breached', slaState: 'cancelled' });
    expect((await timersOf(signerTask.id)).map((t) => t.status)).toEqual(['cancelled']);
    expect(moved.fired.filter((t) => t.taskId === signerTask.id)).toEqual([]);

    const review = await claimedFirstStep('extension-permit');
    const withdrawn = await signerBefore(review);
    await h.runtime.withdrawCase(review.caseId, { reason: '申请人撤回' }, PORTAL);
    expect((await timersOf(withdrawn.id)).map((t) => t.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('pauses them while the case is suspended, refuses the signer’s approval meanwhile, and resumes each with the working time it had left', async () => {
    const review = await claimedFirstStep('extension-permit');
    const signerTask = await signerBefore(review);
    await h.runtime.advanceClock({ by: { amount: 2, unit: 'hour' } });
    const manager = await h.viewer('huangpu.manager');
    await h.runtime.suspendCase(review.caseId, { reason: 'expertReview', comment: '送专家评审' }, manager);
    const paused = await timersOf(signerTask.id);
    expect(paused.map((t) => [t.kind, t.status])).toEqual([
      ['taskAtRisk', 'paused'],
      ['taskBreach', 'paused'],
    ]);
    const signer = await h.viewer('huangpu.intake');
    expect(await refusal(h.runtime.completeTask(signerTask.id, signer, { outcome: 'approve' }))).toMatchObject({ status: 409, code: 'case-suspended' });
    const idle = await h.runtime.advanceClock({ by: { amount: 10, unit: 'calendarDay' } });
    expect(idle.fired.filter((t) => t.caseId === review.caseId)).toEqual([]);

    const resumedAt = h.clock.now();
    await h.runtime.resumeCase(review.caseId, {}, manager);
    const live = (await timersOf(signerTask.id)).filter((t) => t.status === 'pending');
    expect(live.map((t) => t.id)).toEqual([`${review.caseId}.${signerTask.activationId}.taskAtRisk.g2`, `${review.caseId}.${signerTask.activationId}.taskBreach.g2`]);
    const left = Number(paused[1]!.remainingMinutes);
    const dueAt = addWorkingMinutes(cnMainlandCalendar, resumedAt, left).dueAt;
    expect(live[1]!.dueAt?.toISOString()).toBe(dueAt.toISOString());
    expect((await row(signerTask.id)).dueAt?.toISOString()).toBe(dueAt.toISOString());
    const approved = await h.runtime.completeTask(signerTask.id, signer, { outcome: 'approve' });
    expect(approved.task).toMatchObject({ status: 'completed', slaState: 'met' });
    expect((await timersOf(signerTask.id)).filter((t) => t.status === 'pending')).toEqual([]);
  });
});

describe('the clocks of a member added to a countersignature (会签加签)', () => {
  it('pause with the case and resume with the working time they had left', async () => {
    const { case: created } = await h.runtime.createCase({
      definitionKey: 'countersign',
      jurisdiction: 'sh-huangpu-nanjing-east',
      applicant: { name: '钱十九' },
      data: { panelMembers: ['huangpu.market'] },
      actor: PORTAL,
    });
    const [intake] = await h.database.db.select().from(tasks).where(eq(tasks.caseId, created.id));
    await h.runtime.completeTask(intake!.id, await h.viewer('huangpu.intake'), { outcome: 'approve' });
    const [fireTask] = await h.database.db.select().from(tasks).where(and(eq(tasks.caseId, created.id), eq(tasks.nodeId, 'joint-review'))).orderBy(asc(tasks.activationId));
    const { createdTasks } = await h.runtime.addSigners(fireTask!.id, await h.viewer('huangpu.fire'), { signers: ['public-security'], reason: '需公安会签' });
    const police = createdTasks[0]!;
    await h.runtime.advanceClock({ by: { amount: 2, unit: 'hour' } });
    const manager = await h.viewer('huangpu.manager');
    await h.runtime.suspendCase(created.id, { reason: 'hearing' }, manager);
    const [paused] = await timersOf(police.id);
    expect(paused).toMatchObject({ kind: 'taskBreach', status: 'paused' });
    await h.runtime.advanceClock({ by: { amount: 3, unit: 'calendarDay' } });
    const resumedAt = h.clock.now();
    await h.runtime.resumeCase(created.id, {}, manager);
    const [, resumed] = await timersOf(police.id);
    expect(resumed).toMatchObject({ status: 'pending', id: `${created.id}.${police.activationId}.taskBreach.g2` });
    expect(resumed!.dueAt?.toISOString()).toBe(addWorkingMinutes(cnMainlandCalendar, resumedAt, Number(paused!.remainingMinutes)).dueAt.toISOString());
  });
});
