import { and, asc, eq } from 'drizzle-orm';
import { addDuration, cnMainlandCalendar } from '@tongban/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, timers } from '../../src/db/schema/index.ts';
import { holdCaseLock, someoneWaitsForALock } from '../support/case-lock.ts';
import { PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';

let h: ExecutionHarness;

beforeAll(async () => {
  h = await startExecution();
  await h.publish('extension-permit');
});

afterAll(async () => {
  await h?.close();
});

async function reviewTask() {
  const { case: created } = await h.runtime.createCase({
    definitionKey: 'extension-permit',
    jurisdiction: 'sh-huangpu-nanjing-east',
    applicant: { name: '陈十二' },
    data: {},
    actor: PORTAL,
  });
  const detail = await h.runtime.getCase(created.id, await h.viewer('city.supervisor'));
  return detail.tasks.find((t) => t.nodeId === 'review')!;
}

async function breachTimers(taskId: string) {
  return h.database.db
    .select()
    .from(timers)
    .where(and(eq(timers.taskId, taskId), eq(timers.kind, 'taskBreach')))
    .orderBy(asc(timers.createdAt), asc(timers.id));
}

async function taskRow(caseId: string, taskId: string) {
  return (await h.runtime.getCase(caseId, await h.viewer('city.supervisor'))).tasks.find((t) => t.id === taskId)!;
}

const REASON = '需组织专家论证';

describe('extensions of a statutory limit (行政许可法 art. 42)', () => {
  it('records the clerk’s request, shows it to the approving managers, and moves the deadline and its timer once approved', async () => {
    const review = await reviewTask();
    const clerk = await h.viewer('huangpu.market');
    const requested = await h.runtime.requestExtension(review.id, clerk, { amount: 3, reason: REASON });
    expect(requested.extension).toMatchObject({ amount: 3, unit: 'workingDay', reason: REASON, status: 'requested', approverRole: 'manager', requestedBy: clerk.userId });
    expect(requested.dueAt?.toISOString()).toBe(review.dueAt!.toISOString());
    const [notice] = await h.database.db.select().from(notifications).where(and(eq(notifications.taskId, review.id), eq(notifications.kind, 'extensionRequest')));
    expect(notice).toMatchObject({ departmentId: 'sh-huangpu-market-regulation', jurisdictionId: 'sh-huangpu' });

    const manager = await h.viewer('huangpu.manager');
    expect((await h.runtime.listExtensionRequests(manager)).items.map((t) => t.id)).toContain(review.id);
    expect((await h.runtime.listExtensionRequests(await h.viewer('xuhui.manager'))).items.map((t) => t.id)).not.toContain(review.id);
    expect((await h.runtime.listExtensionRequests(clerk)).items).toEqual([]);

    const approved = await h.runtime.approveExtension(review.id, manager);
    const newDue = addDuration(cnMainlandCalendar, review.dueAt!, { amount: 3, unit: 'workingDay' }).dueAt;
    expect(approved.dueAt?.toISOString()).toBe(newDue.toISOString());
    expect(approved.extension).toMatchObject({ status: 'approved', approvedBy: manager.userId, previousDueAt: review.dueAt!.toISOString(), dueAt: newDue.toISOString() });
    const armed = await breachTimers(review.id);
    expect(armed.map((t) => [t.status, t.id.slice(-3)])).toEqual([
      ['cancelled', '.g1'],
      ['pending', '.g2'],
    ]);
    expect(armed[1]!.dueAt?.toISOString()).toBe(newDue.toISOString());
    expect((await h.runtime.listExtensionRequests(manager)).items.map((t) => t.id)).not.toContain(review.id);

    await h.runtime.advanceClock({ to: new Date(review.dueAt!.getTime() + 3_600_000) });
    expect(await taskRow(review.caseId, review.id)).toMatchObject({ slaState: 'atRisk', status: 'open' });
    await h.runtime.advanceClock({ to: new Date(newDue.getTime() + 60_000) });
    expect(await taskRow(review.caseId, review.id)).toMatchObject({ slaState: 'overdue' });
    const types = (await h.runtime.getCase(review.caseId, manager)).timeline.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['task.extensionRequested', 'task.extended']));
  });

  it('takes a task approved after its deadline out of overdue, its breach timer armed again', async () => {
    const review = await reviewTask();
    await h.runtime.requestExtension(review.id, await h.viewer('huangpu.market'), { amount: 2, reason: REASON });
    await h.runtime.advanceClock({ to: new Date(review.dueAt!.getTime() + 60_000) });
    expect(await taskRow(review.caseId, review.id)).toMatchObject({ slaState: 'overdue' });
    const approved = await h.runtime.approveExtension(review.id, await h.viewer('huangpu.manager'));
    expect(approved.slaState).toBe('atRisk');
    expect((await breachTimers(review.id)).map((t) => t.status)).toEqual(['fired', 'pending']);
    await h.runtime.advanceClock({ to: new Date(approved.dueAt!.getTime() + 60_000) });
    expect(await taskRow(review.caseId, review.id)).toMatchObject({ slaState: 'overdue' });
  });

  it('lets the approving role refuse a request with a reason: the deadline and its timer stay, the clerk is told', async () => {
    const review = await reviewTask();
    const clerk = await h.viewer('huangpu.market');
    await h.runtime.requestExtension(review.id, clerk, { amount: 3, reason: REASON });
    await expect(h.runtime.refuseExtension(review.id, clerk, { reason: '理由不充分' })).rejects.toMatchObject({ status: 403, code: 'extension-approver-required' });
    const manager = await h.viewer('huangpu.manager');
    await expect(h.runtime.refuseExtension(review.id, manager, { reason: ' ' })).rejects.toMatchObject({ status: 400, details: { field: 'reason' } });
    const refused = await h.runtime.refuseExtension(review.id, manager, { reason: '理由不充分' });
    expect(refused.extension).toMatchObject({ status: 'refused', refusedBy: manager.userId, refusalReason: '理由不充分' });
    expect(refused.dueAt?.toISOString()).toBe(review.dueAt!.toISOString());
    expect((await breachTimers(review.id)).map((t) => [t.status, t.id.slice(-3)])).toEqual([['pending', '.g1']]);
    const [notice] = await h.database.db.select().from(notifications).where(and(eq(notifications.taskId, review.id), eq(notifications.kind, 'extensionRefused')));
    expect(notice).toMatchObject({ departmentId: 'sh-huangpu-market-regulation' });
    expect(notice?.message).toContain('理由不充分');
    expect((await h.runtime.listExtensionRequests(manager)).items.map((t) => t.id)).not.toContain(review.id);
    await expect(h.runtime.approveExtension(review.id, manager)).rejects.toMatchObject({ status: 409, code: 'extension-not-requested' });
    await expect(h.runtime.requestExtension(review.id, clerk, { amount: 1, reason: REASON })).rejects.toMatchObject({ status: 409, code: 'extension-already-requested' });
    expect((await h.runtime.getCase(review.caseId, manager)).timeline.map((e) => e.type)).toContain('task.extensionRefused');
  });

  it('refuses more than the cap, a blank reason, and a second request of the same activation', async () => {
    const review = await reviewTask();
    const clerk = await h.viewer('huangpu.market');
    await expect(h.runtime.requestExtension(review.id, clerk, { amount: 6, reason: REASON })).rejects.toMatchObject({
      status: 400,
      code: 'extension-refused',
      details: { field: 'amount', rule: 'cap-exceeded' },
    });
    await expect(h.runtime.requestExtension(review.id, clerk, { amount: 2, reason: ' ' })).rejects.toMatchObject({ status: 400, details: { field: 'reason' } });
    await expect(h.runtime.requestExtension(review.id, clerk, { amount: 0.5, reason: REASON })).rejects.toMatchObject({
      status: 400,
      code: 'extension-refused',
      details: { field: 'amount', rule: 'amount-not-whole' },
    });
    await h.runtime.requestExtension(review.id, clerk, { amount: 5, reason: REASON });
    await expect(h.runtime.requestExtension(review.id, clerk, { amount: 1, reason: REASON })).rejects.toMatchObject({
      status: 409,
      code: 'extension-already-requested',
    });
    await h.runtime.approveExtension(review.id, await h.viewer('huangpu.manager'));
    await expect(h.runtime.approveExtension(review.id, await h.viewer('huangpu.manager'))).rejects.toMatchObject({ status: 409, code: 'extension-not-requested' });
  });

  it('takes the approval only from the role the definition names, over the task’s department', async () => {
    const review = await reviewTask();
    await expect(h.runtime.approveExtension(review.id, await h.viewer('huangpu.manager'))).rejects.toMatchObject({ status: 409, code: 'extension-not-requested' });
    await h.runtime.requestExtension(review.id, await h.viewer('huangpu.market'), { amount: 2, reason: REASON });
    for (const username of ['huangpu.market', 'xuhui.manager', 'huangpu.supervisor']) {
      await expect(h.runtime.approveExtension(review.id, await h.viewer(username))).rejects.toMatchObject({ status: 403, code: 'extension-approver-required' });
    }
    await expect(h.runtime.requestExtension(review.id, await h.viewer('huangpu.intake'), { amount: 1, reason: REASON })).rejects.toMatchObject({ status: 403 });
    expect((await h.runtime.approveExtension(review.id, await h.viewer('city.manager'))).extension?.status).toBe('approved');
  });

  it('is asked for before the deadline only, on a task that offers one, while the case runs', async () => {
    const late = await reviewTask();
    await h.runtime.advanceClock({ to: new Date(late.dueAt!.getTime() + 60_000) });
    await expect(h.runtime.requestExtension(late.id, await h.viewer('huangpu.market'), { amount: 1, reason: REASON })).rejects.toMatchObject({
      status: 409,
      code: 'deadline-passed',
    });

    const review = await reviewTask();
    const { nextTasks } = await h.runtime.completeTask(review.id, await h.viewer('huangpu.market'), { outcome: 'approve' });
    const issue = nextTasks[0]!;
    await expect(h.runtime.requestExtension(issue.id, await h.viewer('huangpu.intake'), { amount: 1, reason: REASON })).rejects.toMatchObject({
      status: 409,
      code: 'extension-not-allowed',
    });
    await expect(h.runtime.approveExtension(issue.id, await h.viewer('huangpu.manager'))).rejects.toMatchObject({ status: 409, code: 'extension-not-allowed' });
    await expect(h.runtime.requestExtension(review.id, await h.viewer('huangpu.market'), { amount: 1, reason: REASON })).rejects.toMatchObject({
      status: 409,
      code: 'task-not-open',
    });

    const held = await reviewTask();
    await h.runtime.suspendCase(held.caseId, { reason: 'testing' }, await h.viewer('huangpu.manager'));
    await expect(h.runtime.requestExtension(held.id, await h.viewer('huangpu.market'), { amount: 1, reason: REASON })).rejects.toMatchObject({
      status: 409,
      code: 'case-suspended',
    });
  });

  it('judges a request that waited for the case lock on the task as it is once the lock is taken', async () => {
    const review = await reviewTask();
    const clerk = await h.viewer('huangpu.market');
    await h.runtime.claimTask(review.id, clerk);
    const lock = await holdCaseLock(h.database.sql, review.caseId);
    const transfer = h.runtime.transferTask(review.id, clerk, { departmentId: 'sh-huangpu-fire-rescue', reason: '属消防审查事项' });
    await someoneWaitsForALock(h.database.sql);
    const request = h.runtime.requestExtension(review.id, clerk, { amount: 2, reason: REASON }).then(
      () => undefined,
      (error: unknown) => error,
    );
    await someoneWaitsForALock(h.database.sql, { waiters: 2 });
    await lock.release();
    expect((await transfer).departmentId).toBe('sh-huangpu-fire-rescue');
    expect(await request).toMatchObject({ status: 403, code: 'task-forbidden' });
    expect((await taskRow(review.caseId, review.id)).extension).toBeNull();
  });
});
