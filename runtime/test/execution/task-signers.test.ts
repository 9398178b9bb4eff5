import { and, asc, eq } from 'drizzle-orm';
import { addDuration, cnMainlandCalendar } from '@tongban/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, tasks, timers } from '../../src/db/schema/index.ts';
import type { TongbanError } from '../../src/errors/index.ts';
import { holdCaseLock, someoneWaitsForALock } from '../support/case-lock.ts';
import { refusal } from '../support/refusal.ts';
import { PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';

let h: ExecutionHarness;

beforeAll(async () => {
  h = await startExecution();
  await h.publish('countersign');
  await h.publish('extension-permit');
}, 120_000);

afterAll(async () => {
  await h?.close();
});

/** A case past intake: its joint review open in fire rescue, health and urban management (all must approve). */
async function atJointReview(): Promise<string> {
  const { case: created } = await h.runtime.createCase({
    definitionKey: 'countersign',
    jurisdiction: 'sh-huangpu-nanjing-east',
    applicant: { name: '沈十六' },
    data: { panelMembers: ['huangpu.market'] },
    actor: PORTAL,
  });
  const [intake] = await h.database.db.select().from(tasks).where(eq(tasks.caseId, created.id));
  await h.runtime.completeTask(intake!.id, await h.viewer('huangpu.intake'), { outcome: 'approve' });
  return created.id;
}

async function tasksOf(caseId: string, nodeId: string) {
  return h.database.db
    .select()
    .from(tasks)
    .where(and(eq(tasks.caseId, caseId), eq(tasks.nodeId, nodeId)))
    .orderBy(asc(tasks.activationId));
}

describe('added signers (加签) and their removal (减签) on a countersignature', () => {
  it('adds a department as a new instance with its own limit counted on the case’s calendar from the moment it is added, which the node then waits for', async () => {
    const caseId = await atJointReview();
    await h.runtime.advanceClock({ to: new Date(h.clock.now().getTime() + 26 * 3_600_000) });
    const [fireTask] = await tasksOf(caseId, 'joint-review');
    const fire = await h.viewer('huangpu.fire');
    expect(await refusal(h.runtime.addSigners(fireTask!.id, fire, { signers: ['public-security'], reason: ' ' }))).toMatchObject({ status: 400, code: 'reason-required' });
    expect(await refusal(h.runtime.addSigners(fireTask!.id, await h.viewer('huangpu.health'), { signers: ['public-security'], reason: '需公安会签' }))).toMatchObject({
      status: 403,
    });
    expect(await refusal(h.runtime.addSigners(fireTask!.id, fire, { signers: ['health'], reason: '重复' }))).toMatchObject({ status: 400, code: 'signer-refused', details: { field: 'signers' } });
    const added = await h.runtime.addSigners(fireTask!.id, fire, { signers: ['public-security'], reason: '需公安会签' });
    expect(added.createdTasks.map((t) => [t.activationId, t.departmentId, t.addedBy, t.instance?.item])).toEqual([
      ['joint-review#1.4', 'sh-huangpu-public-security', 'huangpu.fire', 'public-security'],
    ]);
    const now = h.clock.now();
    const expected = addDuration(cnMainlandCalendar, now, { amount: 10, unit: 'workingDay' }).dueAt;
    const police = added.createdTasks[0]!;
    expect(police.dueAt?.toISOString()).toBe(expected.toISOString());
    expect(police.createdAt.toISOString()).toBe(now.toISOString());
    const [breach] = await h.database.db.select().from(timers).where(and(eq(timers.taskId, police.id), eq(timers.kind, 'taskBreach')));
    expect(breach).toMatchObject({ status: 'pending' });
    expect(breach!.dueAt?.toISOString()).toBe(expected.toISOString());

    for (const [taskId, clerk] of [
      [fireTask!.id, 'huangpu.fire'],
      [(await tasksOf(caseId, 'joint-review'))[1]!.id, 'huangpu.health'],
      [(await tasksOf(caseId, 'joint-review'))[2]!.id, 'huangpu.urban'],
    ] as const) {
      const done = await h.runtime.completeTask(taskId, await h.viewer(clerk), { outcome: 'approve' });
      expect(done.nextTasks).toEqual([]);
    }
    const last = await h.runtime.completeTask(police.id, await h.viewer('huangpu.police'), { outcome: 'approve' });
    expect(last.nextTasks.map((t) => t.nodeId)).toEqual(['panel']);
    const [event] = await h.database.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, 'task.signersAdded')));
    expect(event).toMatchObject({ actorId: 'huangpu.fire', taskId: fireTask!.id, payload: { signers: ['public-security'], reason: '需公安会签' } });
  });

  it('removes a member with a reason and re-checks the node at once: the last undecided member removed, the case moves on', async () => {
    const caseId = await atJointReview();
    const [fireTask, healthTask, urbanTask] = await tasksOf(caseId, 'joint-review');
    await h.runtime.completeTask(fireTask!.id, await h.viewer('huangpu.fire'), { outcome: 'approve' });
    await h.runtime.completeTask(healthTask!.id, await h.viewer('huangpu.health'), { outcome: 'approve' });
    expect(await refusal(h.runtime.removeSigner(urbanTask!.id, await h.viewer('huangpu.fire'), { reason: '不涉及' }))).toMatchObject({
      status: 403,
      code: 'signer-removal-forbidden',
    });
    const manager = await h.viewer('huangpu.manager');
    expect(await refusal(h.runtime.removeSigner(urbanTask!.id, manager, { reason: '' }))).toMatchObject({ status: 400, code: 'reason-required' });
    const removed = await h.runtime.removeSigner(urbanTask!.id, manager, { reason: '该事项不涉及市容' });
    expect(removed.task).toMatchObject({ id: urbanTask!.id, status: 'closed', closeReason: 'removed' });
    expect(removed.createdTasks.map((t) => t.nodeId)).toEqual(['panel']);
    const [event] = await h.database.db.select().from(caseEvents).where(and(eq(caseEvents.taskId, urbanTask!.id), eq(caseEvents.type, 'task.signerRemoved')));
    expect(event).toMatchObject({ actorId: manager.userId, payload: { reason: '该事项不涉及市容', item: 'urban-management' } });
    const [timer] = await h.database.db.select().from(timers).where(and(eq(timers.taskId, urbanTask!.id), eq(timers.kind, 'taskBreach')));
    expect(timer?.status).toBe('cancelled');
  });

  it('lets the user who added a signer remove it, and the node wait for the others', async () => {
    const caseId = await atJointReview();
    const [fireTask] = await tasksOf(caseId, 'joint-review');
    const fire = await h.viewer('huangpu.fire');
    const { createdTasks } = await h.runtime.addSigners(fireTask!.id, fire, { signers: ['public-security'], reason: '需公安会签' });
    const removed = await h.runtime.removeSigner(createdTasks[0]!.id, fire, { reason: '公安已书面答复' });
    expect(removed.task.closeReason).toBe('removed');
    expect(removed.createdTasks).toEqual([]);
    expect((await tasksOf(caseId, 'joint-review')).filter((t) => t.status === 'open').map((t) => t.activationId)).toEqual([
      'joint-review#1.1',
      'joint-review#1.2',
      'joint-review#1.3',
    ]);
  });

  it('refuses signers on a task that is no countersignature', async () => {
    const { case: created } = await h.runtime.createCase({ definitionKey: 'countersign', jurisdiction: 'sh-huangpu-nanjing-east', applicant: { name: '沈十七' }, data: {}, actor: PORTAL });
    const [intake] = await tasksOf(created.id, 'intake');
    expect(await refusal(h.runtime.addSigners(intake!.id, await h.viewer('huangpu.intake'), { signers: ['health'], reason: '会签' }))).toMatchObject({
      status: 409,
      code: 'not-countersign',
    });
  });

  it('lets exactly one of a removal and a completion of the same instance at once win', async () => {
    const caseId = await atJointReview();
    const [, , urbanTask] = await tasksOf(caseId, 'joint-review');
    const settled = await Promise.allSettled([
      h.runtime.removeSigner(urbanTask!.id, await h.viewer('huangpu.manager'), { reason: '不涉及' }),
      h.runtime.completeTask(urbanTask!.id, await h.viewer('huangpu.urban'), { outcome: 'approve' }),
    ]);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    const lost = settled.find((s) => s.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ status: 409, code: 'task-not-open' });
  });
});

/** A new case's review (a single task: 2 working days promised, 5 statutory), claimed by huangpu.market. */
async function claimedReview() {
  const { case: created } = await h.runtime.createCase({
    definitionKey: 'extension-permit',
    jurisdiction: 'sh-huangpu-nanjing-east',
    applicant: { name: '沈十七' },
    data: {},
    actor: PORTAL,
  });
  const [review] = await h.database.db.select().from(tasks).where(and(eq(tasks.caseId, created.id), eq(tasks.nodeId, 'review')));
  return h.runtime.claimTask(review!.id, await h.viewer('huangpu.market'));
}

describe('a signer added before the assignee of a single task (向前加签)', () => {
  it('is added by the assignee alone, with a reason, to a user of the organisation other than the caller', async () => {
    const review = await claimedReview();
    const clerk = await h.viewer('huangpu.market');
    const before = { position: 'before' as const };
    expect(await refusal(h.runtime.addSigners(review.id, clerk, { ...before, signers: ['huangpu.intake'], reason: ' ' }))).toMatchObject({ status: 400, code: 'reason-required' });
    expect(await refusal(h.runtime.addSigners(review.id, clerk, { ...before, signers: ['nobody'], reason: '请窗口先核' }))).toMatchObject({
      status: 400,
      code: 'unknown-user',
      details: { field: 'signers' },
    });
    expect(await refusal(h.runtime.addSigners(review.id, clerk, { ...before, signers: ['huangpu.market'], reason: '请窗口先核' }))).toMatchObject({
      status: 400,
      code: 'hand-off-to-self',
    });
    expect(await refusal(h.runtime.addSigners(review.id, await h.viewer('huangpu.fire'), { ...before, signers: ['huangpu.intake'], reason: '请窗口先核' }))).toMatchObject({
      status: 403,
    });
  });

  it('opens a task for the signer counted on the case’s calendar, holds the task until the signer approves, then its assignee completes it', async () => {
    const review = await claimedReview();
    const clerk = await h.viewer('huangpu.market');
    const added = await h.runtime.addSigners(review.id, clerk, { position: 'before', signers: ['huangpu.intake'], reason: '请窗口先核' });
    const signerTask = added.createdTasks[0]!;
    const signer = await h.viewer('huangpu.intake');
    expect(signerTask).toMatchObject({ assigneeId: signer.userId, status: 'claimed', activationId: `${review.activationId}+sign1`, addedBy: clerk.userId });
    const now = h.clock.now();
    expect(signerTask.createdAt.toISOString()).toBe(now.toISOString());
    expect(signerTask.atRiskAt?.toISOString()).toBe(addDuration(cnMainlandCalendar, now, { amount: 2, unit: 'workingDay' }).dueAt.toISOString());
    expect(signerTask.dueAt?.toISOString()).toBe(addDuration(cnMainlandCalendar, now, { amount: 5, unit: 'workingDay' }).dueAt.toISOString());
    expect(added.task.signing).toMatchObject({ role: 'waiting', signerTaskId: signerTask.id, reason: '请窗口先核' });
    expect(added.task.handoffs.at(-1)).toMatchObject({ kind: 'addSigner', by: clerk.userId, to: signer.userId, reason: '请窗口先核' });
    expect(await refusal(h.runtime.completeTask(review.id, clerk, { outcome: 'approve' }))).toMatchObject({ status: 409, code: 'task-awaiting-signer' });
    expect(await refusal(h.runtime.completeTask(signerTask.id, signer, { outcome: 'reject', reason: '不同意' }))).toMatchObject({ status: 400, code: 'signer-may-only-approve' });
    const approved = await h.runtime.completeTask(signerTask.id, signer, { outcome: 'approve', comment: '无异议' });
    expect(approved).toMatchObject({ task: { status: 'completed', outcome: 'approve' }, nextTasks: [] });
    expect(await refusal(h.runtime.withdrawTask(signerTask.id, signer))).toMatchObject({ status: 409, code: 'withdraw-not-supported', details: { rule: 'no-completion-recorded' } });
    const [back] = await h.database.db.select().from(tasks).where(eq(tasks.id, review.id));
    expect(back).toMatchObject({ signing: null, status: 'claimed', assigneeId: clerk.userId });
    expect(back!.handoffs.at(-1)).toMatchObject({ kind: 'signerApproved', from: signer.userId, to: clerk.userId });
    const done = await h.runtime.completeTask(review.id, clerk, { outcome: 'approve' });
    expect(done.nextTasks.map((t) => t.nodeId)).toContain('issue');
    const events = await h.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, review.caseId)).orderBy(asc(caseEvents.id));
    expect(events.find((e) => e.type === 'task.signerAdded')).toMatchObject({ actorId: clerk.userId, taskId: review.id, payload: { position: 'before', to: signer.userId, reason: '请窗口先核' } });
    expect(events.some((e) => e.type === 'task.signerApproved' && e.actorId === signer.userId)).toBe(true);
  });

  it('is removed (减签) by the one who added it before acting, with a reason, and the task is its assignee’s again at once', async () => {
    const review = await claimedReview();
    const clerk = await h.viewer('huangpu.market');
    const { createdTasks } = await h.runtime.addSigners(review.id, clerk, { position: 'before', signers: ['huangpu.intake'], reason: '请窗口先核' });
    const signer = await h.viewer('huangpu.intake');
    expect(await refusal(h.runtime.removeSigner(createdTasks[0]!.id, signer, { reason: '自己退出' }))).toMatchObject({ status: 403, code: 'signer-removal-forbidden' });
    const removed = await h.runtime.removeSigner(createdTasks[0]!.id, clerk, { reason: '无需会审' });
    expect(removed.task).toMatchObject({ status: 'closed', closeReason: 'signerRemoved' });
    expect(await refusal(h.runtime.completeTask(createdTasks[0]!.id, signer, { outcome: 'approve' }))).toMatchObject({ status: 409, code: 'task-not-open' });
    const done = await h.runtime.completeTask(review.id, clerk, { outcome: 'approve' });
    expect(done.task.status).toBe('completed');
    const [event] = await h.database.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, review.caseId), eq(caseEvents.type, 'task.signerRemoved')));
    expect(event).toMatchObject({ actorId: clerk.userId, payload: { reason: '无需会审', signer: signer.userId } });
  });

  it('closes with the case: a withdrawal leaves no signer’s task open', async () => {
    const review = await claimedReview();
    const { createdTasks } = await h.runtime.addSigners(review.id, await h.viewer('huangpu.market'), { position: 'before', signers: ['huangpu.intake'], reason: '请窗口先核' });
    await h.runtime.withdrawCase(review.caseId, { reason: '申请人撤回' }, PORTAL);
    const [signerTask] = await h.database.db.select().from(tasks).where(eq(tasks.id, createdTasks[0]!.id));
    expect(signerTask).toMatchObject({ status: 'closed', slaState: 'cancelled' });
  });

  it('races a completion of the same task: exactly one of the two wins', async () => {
    const review = await claimedReview();
    const clerk = await h.viewer('huangpu.market');
    const lock = await holdCaseLock(h.database.sql, review.caseId);
    const add = h.runtime.addSigners(review.id, clerk, { position: 'before', signers: ['huangpu.intake'], reason: '请窗口先核' }).then(
      () => 'added',
      (e: TongbanError) => e.code,
    );
    await someoneWaitsForALock(h.database.sql);
    const complete = h.runtime.completeTask(review.id, clerk, { outcome: 'approve' }).then(
      () => 'completed',
      (e: TongbanError) => e.code,
    );
    await someoneWaitsForALock(h.database.sql, { waiters: 2 });
    await lock.release();
    expect(await Promise.all([add, complete])).toEqual(['added', 'task-awaiting-signer']);
  });
});

describe('a signer added after the assignee of a single task (向后加签)', () => {
  it('holds the assignee’s decision until the signer approves, on a task opened then and counted on the case’s calendar', async () => {
    const review = await claimedReview();
    const clerk = await h.viewer('huangpu.market');
    const signer = await h.viewer('huangpu.intake');
    const added = await h.runtime.addSigners(review.id, clerk, { position: 'after', signers: ['huangpu.intake'], reason: '需窗口复核' });
    expect(added.createdTasks).toEqual([]);
    expect(added.task.signing).toMatchObject({ role: 'after', signerId: signer.userId, reason: '需窗口复核' });
    await h.runtime.advanceClock({ to: new Date(h.clock.now().getTime() + 26 * 3_600_000) });
    const decided = await h.runtime.completeTask(review.id, clerk, { outcome: 'approve', comment: '同意' });
    const signerTask = decided.nextTasks[0]!;
    expect(decided.nextTasks).toHaveLength(1);
    expect(signerTask).toMatchObject({ assigneeId: signer.userId, signing: { role: 'signer', position: 'after', parentTaskId: review.id } });
    const now = h.clock.now();
    expect(signerTask.dueAt?.toISOString()).toBe(addDuration(cnMainlandCalendar, now, { amount: 5, unit: 'workingDay' }).dueAt.toISOString());
    expect(decided.task).toMatchObject({ status: 'claimed', signing: { role: 'waiting', position: 'after', decision: { outcome: 'approve', comment: '同意' } } });
    expect(await refusal(h.runtime.completeTask(review.id, clerk, { outcome: 'approve' }))).toMatchObject({ status: 409, code: 'task-awaiting-signer' });
    const approved = await h.runtime.completeTask(signerTask.id, signer, { outcome: 'approve' });
    expect(approved.nextTasks.map((t) => t.nodeId)).toEqual(['issue']);
    const [done] = await h.database.db.select().from(tasks).where(eq(tasks.id, review.id));
    expect(done).toMatchObject({ status: 'completed', outcome: 'approve', assigneeId: clerk.userId, signing: null });
  });

  it('is removed (减签) before the signer acts, and the held decision takes effect at once', async () => {
    const review = await claimedReview();
    const clerk = await h.viewer('huangpu.market');
    await h.runtime.addSigners(review.id, clerk, { position: 'after', signers: ['huangpu.intake'], reason: '需窗口复核' });
    const { nextTasks } = await h.runtime.completeTask(review.id, clerk, { outcome: 'approve' });
    const removed = await h.runtime.removeSigner(nextTasks[0]!.id, clerk, { reason: '无需复核' });
    expect(removed.task).toMatchObject({ status: 'closed', closeReason: 'signerRemoved' });
    expect(removed.createdTasks.map((t) => t.nodeId)).toEqual(['issue']);
    const [done] = await h.database.db.select().from(tasks).where(eq(tasks.id, review.id));
    expect(done).toMatchObject({ status: 'completed', signing: null });
  });

  it('is removed before the assignee decides, and the assignee then completes the task alone', async () => {
    const review = await claimedReview();
    const clerk = await h.viewer('huangpu.market');
    await h.runtime.addSigners(review.id, clerk, { position: 'after', signers: ['huangpu.intake'], reason: '需窗口复核' });
    const removed = await h.runtime.removeSigner(review.id, clerk, { reason: '无需复核' });
    expect(removed.task).toMatchObject({ status: 'claimed', signing: null });
    expect(removed.task.handoffs.map((l) => l.kind)).toEqual(['addSigner', 'removeSigner']);
    const done = await h.runtime.completeTask(review.id, clerk, { outcome: 'approve' });
    expect(done.nextTasks.map((t) => t.nodeId)).toEqual(['issue']);
  });
});
