import { and, asc, eq } from 'drizzle-orm';
import { addDuration, cnMainlandCalendar } from '@tongban/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, cases, tasks, timers } from '../../src/db/schema/index.ts';
import { holdCaseLock, someoneWaitsForALock } from '../support/case-lock.ts';
import { refusal } from '../support/refusal.ts';
import { PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';

let h: ExecutionHarness;

beforeAll(async () => {
  h = await startExecution();
  await h.publish('extension-permit');
  await h.publish('parallel-permit');
}, 120_000);

afterAll(async () => {
  await h?.close();
});

/** A case whose review `huangpu.market` has just approved: the review task and the issue task it opened. */
async function reviewed() {
  const { case: created } = await h.runtime.createCase({
    definitionKey: 'extension-permit',
    jurisdiction: 'sh-huangpu-nanjing-east',
    applicant: { name: '陈十二' },
    data: {},
    actor: PORTAL,
  });
  const [review] = await h.database.db.select().from(tasks).where(and(eq(tasks.caseId, created.id), eq(tasks.nodeId, 'review')));
  const clerk = await h.viewer('huangpu.market');
  await h.runtime.claimTask(review!.id, clerk);
  const { nextTasks } = await h.runtime.completeTask(review!.id, clerk, { outcome: 'approve' });
  return { review: review!, issue: nextTasks[0]!, clerk };
}

async function taskRow(id: string) {
  const [row] = await h.database.db.select().from(tasks).where(eq(tasks.id, id));
  return row!;
}

describe('withdraw (撤回)', () => {
  it('closes the untouched next task as withdrawn, reopens the step claimed by its clerk with a fresh limit, and records who, when and why', async () => {
    const { review, issue, clerk } = await reviewed();
    await h.runtime.advanceClock({ to: new Date(h.clock.now().getTime() + 60 * 60_000) });
    const now = h.clock.now();
    const result = await h.runtime.withdrawTask(review.id, clerk, { reason: '意见填写有误' });

    expect(result.closedTasks.map((t) => t.id)).toEqual([issue.id]);
    expect(await taskRow(issue.id)).toMatchObject({ status: 'closed', closeReason: 'withdrawn', slaState: 'cancelled' });
    const issueTimers = await h.database.db.select({ status: timers.status }).from(timers).where(eq(timers.taskId, issue.id));
    expect(issueTimers.length).toBeGreaterThan(0);
    expect(issueTimers.every((t) => t.status === 'cancelled')).toBe(true);

    const reopened = result.task;
    expect(reopened).toMatchObject({ nodeId: 'review', activationId: 'review#2', status: 'claimed', assigneeId: clerk.userId, caseId: review.caseId });
    expect(reopened.id).not.toBe(review.id);
    expect(reopened.dueAt?.toISOString()).toBe(addDuration(cnMainlandCalendar, now, { amount: 5, unit: 'workingDay' }).dueAt.toISOString());
    const pending = await h.database.db.select({ kind: timers.kind }).from(timers).where(and(eq(timers.taskId, reopened.id), eq(timers.status, 'pending')));
    expect(pending.map((t) => t.kind).sort()).toEqual(['taskAtRisk', 'taskBreach']);
    expect(await taskRow(review.id)).toMatchObject({ status: 'completed', outcome: 'approve' });

    const [withdrawn] = await h.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.taskId, review.id), eq(caseEvents.type, 'task.withdrawn')));
    expect(withdrawn).toMatchObject({ actorId: clerk.userId, at: now, payload: { reason: '意见填写有误', closedTasks: [issue.id], reopenedTaskId: reopened.id } });

    const { nextTasks } = await h.runtime.completeTask(reopened.id, clerk, { outcome: 'approve' });
    expect(nextTasks.map((t) => [t.nodeId, t.activationId])).toEqual([['issue', 'issue#2']]);
  });

  it('is refused to anyone but the clerk who completed the task', async () => {
    const { review } = await reviewed();
    expect(await refusal(h.runtime.withdrawTask(review.id, await h.viewer('huangpu.manager')))).toMatchObject({ status: 403, code: 'withdraw-forbidden' });
    expect(await refusal(h.runtime.withdrawTask(review.id, PORTAL))).toMatchObject({ status: 403, code: 'withdraw-forbidden' });
  });

  it('is offered on the done list while the next task is untouched, and no longer once it was claimed', async () => {
    const { review, issue, clerk } = await reviewed();
    const row = async () => (await h.runtime.listDone(clerk, { limit: 100 })).items.find((t) => t.id === review.id);
    expect(await row()).toMatchObject({ status: 'completed', withdrawable: true });
    await h.runtime.claimTask(issue.id, await h.viewer('huangpu.intake'));
    expect(await row()).toMatchObject({ status: 'completed', withdrawable: false });
  });

  it('is refused once the next task was claimed or commented on', async () => {
    const claimed = await reviewed();
    await h.runtime.claimTask(claimed.issue.id, await h.viewer('huangpu.intake'));
    expect(await refusal(h.runtime.withdrawTask(claimed.review.id, claimed.clerk))).toMatchObject({ status: 409, code: 'withdraw-too-late', details: { rule: 'next-task-touched' } });

    const commented = await reviewed();
    await h.runtime.commentOnTask(commented.issue.id, await h.viewer('huangpu.intake'), { text: '已收到' });
    expect(await refusal(h.runtime.withdrawTask(commented.review.id, commented.clerk))).toMatchObject({ status: 409, code: 'withdraw-too-late', details: { rule: 'next-task-touched' } });
    expect(await taskRow(commented.issue.id)).toMatchObject({ status: 'open' });
  });

  it('is refused when the completion ended the case', async () => {
    const { issue } = await reviewed();
    const hall = await h.viewer('huangpu.intake');
    await h.runtime.claimTask(issue.id, hall);
    await h.runtime.completeTask(issue.id, hall, { outcome: 'approve' });
    const [ended] = await h.database.db.select({ status: cases.status }).from(cases).where(eq(cases.id, issue.caseId));
    expect(ended?.status).toBe('completed');
    expect(await refusal(h.runtime.withdrawTask(issue.id, hall))).toMatchObject({ status: 409, code: 'withdraw-too-late', details: { rule: 'case-not-running' } });
  });

  it('says a task not completed has no completion to withdraw, whoever asks: its assignee, a clerk of its department, anyone else', async () => {
    const { issue } = await reviewed();
    const hall = await h.viewer('huangpu.intake');
    for (const viewer of [hall, await h.viewer('huangpu.market'), await h.viewer('huangpu.manager')]) {
      expect(await refusal(h.runtime.withdrawTask(issue.id, viewer))).toMatchObject({ status: 409, code: 'task-not-completed', details: { taskId: issue.id, status: 'open' } });
    }
    await h.runtime.claimTask(issue.id, hall);
    expect(await refusal(h.runtime.withdrawTask(issue.id, hall))).toMatchObject({ status: 409, code: 'task-not-completed', details: { status: 'claimed' } });
    expect(await refusal(h.runtime.withdrawTask(issue.id, await h.viewer('huangpu.market')))).toMatchObject({ status: 409, code: 'task-not-completed' });
  });

  it('is refused a second time: the withdrawal already took the completion back', async () => {
    const { review, clerk } = await reviewed();
    await h.runtime.withdrawTask(review.id, clerk);
    expect(await refusal(h.runtime.withdrawTask(review.id, clerk))).toMatchObject({ status: 409, code: 'withdraw-too-late', details: { rule: 'already-withdrawn' } });
  });

  it('refuses a completion that opened parallel work (并联) with withdraw-not-supported, leaving every task open', async () => {
    const { case: created } = await h.runtime.createCase({
      definitionKey: 'parallel-permit',
      jurisdiction: 'sh-huangpu-nanjing-east',
      applicant: { name: '陈十二' },
      data: { businessName: '外滩咖啡' },
      actor: PORTAL,
    });
    const [intake] = await h.database.db.select().from(tasks).where(and(eq(tasks.caseId, created.id), eq(tasks.nodeId, 'intake')));
    const clerk = await h.viewer('huangpu.intake');
    await h.runtime.claimTask(intake!.id, clerk);
    const { nextTasks } = await h.runtime.completeTask(intake!.id, clerk, { outcome: 'approve', data: { area: 120, category: 'restaurant' } });
    expect(nextTasks).toHaveLength(3);
    expect(await refusal(h.runtime.withdrawTask(intake!.id, clerk))).toMatchObject({ status: 409, code: 'withdraw-not-supported' });
    for (const next of nextTasks) expect(await taskRow(next.id)).toMatchObject({ status: 'open' });
    expect((await h.runtime.listDone(clerk, { limit: 100 })).items.find((t) => t.id === intake!.id)).toMatchObject({ withdrawable: false });
  });

  it('lets exactly one of a withdrawal and a claim of the next task win', async () => {
    const { review, issue, clerk } = await reviewed();
    const lock = await holdCaseLock(h.database.sql, review.caseId);
    const withdraw = h.runtime.withdrawTask(review.id, clerk).then(
      () => 'withdrawn',
      (error: unknown) => error,
    );
    await someoneWaitsForALock(h.database.sql);
    const claim = h.runtime.claimTask(issue.id, await h.viewer('huangpu.intake')).then(
      () => 'claimed',
      (error: unknown) => error,
    );
    await someoneWaitsForALock(h.database.sql, { waiters: 2 });
    await lock.release();
    const outcomes = [await withdraw, await claim];
    const winners = outcomes.filter((o) => typeof o === 'string');
    expect(winners).toHaveLength(1);
    const loser = outcomes.find((o) => typeof o !== 'string');
    expect(loser).toMatchObject({ status: 409 });
    const issueNow = await taskRow(issue.id);
    expect(issueNow.status).toBe(winners[0] === 'withdrawn' ? 'closed' : 'claimed');
    const events = await h.database.db.select({ type: caseEvents.type }).from(caseEvents).where(eq(caseEvents.caseId, review.caseId)).orderBy(asc(caseEvents.id));
    expect(events.filter((e) => e.type === 'task.withdrawn')).toHaveLength(winners[0] === 'withdrawn' ? 1 : 0);
  });
});
