import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, notifications, tasks, timers, users } from '../../src/db/schema/index.ts';
import type { TongbanError } from '../../src/errors/index.ts';
import { PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';
import { refusal } from '../support/refusal.ts';

let h: ExecutionHarness;

/** A second and a third clerk of 黄浦区 market regulation, besides the demo user `huangpu.market`. */
const COLLEAGUES = [
  { id: 'huangpu.market2', username: 'huangpu.market2', displayName: '黄浦区市场监管局审查员二', departmentId: 'sh-huangpu-market-regulation', roles: ['clerk'], passwordHash: '' },
  { id: 'huangpu.market3', username: 'huangpu.market3', displayName: '黄浦区市场监管局审查员三', departmentId: 'sh-huangpu-market-regulation', roles: ['clerk'], passwordHash: '' },
];

beforeAll(async () => {
  h = await startExecution();
  await h.publish('extension-permit');
  await h.database.db.insert(users).values(COLLEAGUES);
}, 120_000);

afterAll(async () => {
  await h?.close();
});

/** A case at its review (market regulation of the jurisdiction's district); its review task. */
async function reviewTask(jurisdiction = 'sh-huangpu-nanjing-east', applicant = '陈十二') {
  const { case: created } = await h.runtime.createCase({ definitionKey: 'extension-permit', jurisdiction, applicant: { name: applicant }, data: {}, actor: PORTAL });
  const [task] = await h.database.db.select().from(tasks).where(and(eq(tasks.caseId, created.id), eq(tasks.nodeId, 'review')));
  return task!;
}

async function claimed(username = 'huangpu.market') {
  const task = await reviewTask();
  await h.runtime.claimTask(task.id, await h.viewer(username));
  return task;
}

async function eventsOf(taskId: string, type: string) {
  return h.database.db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.taskId, taskId), eq(caseEvents.type, type)))
    .orderBy(asc(caseEvents.id));
}

async function pendingTimers(taskId: string) {
  return h.database.db
    .select({ id: timers.id, dueAt: timers.dueAt })
    .from(timers)
    .where(and(eq(timers.taskId, taskId), eq(timers.status, 'pending')))
    .orderBy(asc(timers.id));
}

describe('GET /tasks/{id}', () => {
  it('shows a task to its department and to a manager over the case, and refuses a clerk of another department', async () => {
    const task = await reviewTask();
    const detail = await h.runtime.getTask(task.id, await h.viewer('huangpu.market'));
    expect(detail.task).toMatchObject({ id: task.id, nodeId: 'review', status: 'open', handoffs: [], delegation: null });
    expect(detail.task.minutesLeft).toEqual(expect.any(Number));
    expect(detail.case).toMatchObject({ id: task.caseId, definitionKey: 'extension-permit', applicant: { name: '陈十二' } });
    expect((await h.runtime.getTask(task.id, await h.viewer('huangpu.manager'))).task.id).toBe(task.id);
    expect(await refusal(h.runtime.getTask(task.id, await h.viewer('huangpu.fire')))).toMatchObject({ status: 403, code: 'task-forbidden' });
    expect(await refusal(h.runtime.getTask(task.id, await h.viewer('xuhui.manager')))).toMatchObject({ status: 403 });
    expect(await refusal(h.runtime.getTask('no-such-task', await h.viewer('huangpu.market')))).toMatchObject({ status: 404, code: 'task-not-found' });
  });
});

describe('unclaim', () => {
  it('lets the assignee give a task back to the queue, recorded in the audit trail', async () => {
    const task = await claimed();
    const clerk = await h.viewer('huangpu.market');
    const back = await h.runtime.unclaimTask(task.id, clerk);
    expect(back).toMatchObject({ status: 'open', assigneeId: null, claimedAt: null });
    expect(back.handoffs).toEqual([expect.objectContaining({ kind: 'unclaim', by: clerk.userId, from: clerk.userId, to: null })]);
    const [event] = await eventsOf(task.id, 'task.unclaimed');
    expect(event).toMatchObject({ actorId: clerk.userId, payload: { from: clerk.userId, to: null } });
    expect(await refusal(h.runtime.unclaimTask(task.id, clerk))).toMatchObject({ status: 409, code: 'task-not-claimed' });
  });

  it('refuses another clerk, and lets a manager over the case unclaim only with a reason', async () => {
    const task = await claimed();
    expect(await refusal(h.runtime.unclaimTask(task.id, await h.viewer('huangpu.market2')))).toMatchObject({ status: 409, code: 'task-claimed' });
    expect(await refusal(h.runtime.unclaimTask(task.id, await h.viewer('huangpu.fire')))).toMatchObject({ status: 403, code: 'task-forbidden' });
    expect(await refusal(h.runtime.unclaimTask(task.id, await h.viewer('xuhui.manager')))).toMatchObject({ status: 403 });
    const manager = await h.viewer('huangpu.manager');
    expect(await refusal(h.runtime.unclaimTask(task.id, manager, { reason: '  ' }))).toMatchObject({ status: 400, code: 'reason-required', details: { field: 'reason' } });
    const back = await h.runtime.unclaimTask(task.id, manager, { reason: '承办人病假' });
    expect(back).toMatchObject({ status: 'open', assigneeId: null });
    expect((await eventsOf(task.id, 'task.unclaimed'))[0]).toMatchObject({ actorId: manager.userId, payload: { reason: '承办人病假' } });
  });
});

describe('transfer (转办)', () => {
  it('hands the task to a colleague with a reason, keeps the first owner and the whole chain, and leaves the clocks running', async () => {
    const task = await claimed();
    const before = await pendingTimers(task.id);
    const first = await h.viewer('huangpu.market');
    expect(await refusal(h.runtime.transferTask(task.id, first, { assigneeId: 'huangpu.market2', reason: '' }))).toMatchObject({
      status: 400,
      code: 'reason-required',
    });
    const once = await h.runtime.transferTask(task.id, first, { assigneeId: 'huangpu.market2', reason: '承办人出差' });
    expect(once).toMatchObject({ status: 'claimed', assigneeId: 'huangpu.market2', ownerId: first.userId, departmentId: 'sh-huangpu-market-regulation' });
    const twice = await h.runtime.transferTask(task.id, await h.viewer('huangpu.market2'), { assigneeId: 'huangpu.market3', reason: '熟悉该商户' });
    expect(twice.ownerId).toBe(first.userId);
    expect(twice.handoffs.map((l) => [l.kind, l.from, l.to, l.reason])).toEqual([
      ['transfer', 'huangpu.market', 'huangpu.market2', '承办人出差'],
      ['transfer', 'huangpu.market2', 'huangpu.market3', '熟悉该商户'],
    ]);
    expect(twice.dueAt?.toISOString()).toBe(task.dueAt?.toISOString());
    expect(await pendingTimers(task.id)).toEqual(before);
    const recorded = await eventsOf(task.id, 'task.transferred');
    expect(recorded.map((e) => [e.actorId, e.payload.to, e.payload.reason])).toEqual([
      ['huangpu.market', 'huangpu.market2', '承办人出差'],
      ['huangpu.market2', 'huangpu.market3', '熟悉该商户'],
    ]);
    expect(await refusal(h.runtime.transferTask(task.id, first, { assigneeId: 'huangpu.market2', reason: '要回来' }))).toMatchObject({ status: 409, code: 'task-claimed' });
  });

  it('sends the task to another department’s queue, where its clerks see and may take it', async () => {
    const task = await claimed();
    const moved = await h.runtime.transferTask(task.id, await h.viewer('huangpu.market'), { departmentId: 'sh-huangpu-fire-rescue', reason: '属消防审查事项' });
    expect(moved).toMatchObject({ status: 'open', assigneeId: null, departmentId: 'sh-huangpu-fire-rescue' });
    const fire = await h.viewer('huangpu.fire');
    expect((await h.runtime.listInbox(fire, { caseId: task.caseId })).items.map((t) => t.id)).toEqual([task.id]);
    expect((await h.runtime.listInbox(await h.viewer('huangpu.market'), { caseId: task.caseId })).items).toEqual([]);
    expect((await h.runtime.claimTask(task.id, fire)).assigneeId).toBe(fire.userId);
  });

  it('refuses a clerk of another department, a target who may not handle the task, and the caller as target', async () => {
    const task = await claimed();
    const clerk = await h.viewer('huangpu.market');
    expect(await refusal(h.runtime.transferTask(task.id, await h.viewer('huangpu.fire'), { assigneeId: 'huangpu.market2', reason: '越权' }))).toMatchObject({
      status: 403,
      code: 'task-forbidden',
    });
    expect(await refusal(h.runtime.transferTask(task.id, clerk, { assigneeId: 'huangpu.fire', reason: '转给消防' }))).toMatchObject({
      status: 400,
      code: 'not-a-candidate',
      details: { field: 'assigneeId' },
    });
    expect(await refusal(h.runtime.transferTask(task.id, clerk, { assigneeId: 'huangpu.market', reason: '自己' }))).toMatchObject({ status: 400, code: 'hand-off-to-self' });
    expect(await refusal(h.runtime.transferTask(task.id, clerk, { departmentId: 'no-such-department', reason: '无' }))).toMatchObject({ status: 400, code: 'unknown-department' });
    expect(await refusal(h.runtime.transferTask(task.id, await h.viewer('admin'), { assigneeId: 'huangpu.market2', reason: '管理员' }))).toMatchObject({
      status: 403,
      code: 'admin-does-not-decide',
    });
  });
});

describe('delegate (委派) and resolve (归还)', () => {
  it('lets the delegatee only resolve, the owner complete once it is back, and records both ends with their reasons', async () => {
    const task = await claimed();
    const owner = await h.viewer('huangpu.market');
    const delegatee = await h.viewer('huangpu.fire');
    expect(await refusal(h.runtime.delegateTask(task.id, owner, { assigneeId: 'huangpu.fire', reason: ' ' }))).toMatchObject({ status: 400, code: 'reason-required' });
    const delegated = await h.runtime.delegateTask(task.id, owner, { assigneeId: 'huangpu.fire', reason: '请消防出具意见' });
    expect(delegated).toMatchObject({ assigneeId: 'huangpu.fire', ownerId: owner.userId, delegation: { from: owner.userId, to: 'huangpu.fire', reason: '请消防出具意见' } });
    expect((await h.runtime.listInbox(delegatee, { caseId: task.caseId })).items.map((t) => t.id)).toEqual([task.id]);
    expect((await h.runtime.getTask(task.id, delegatee)).task.id).toBe(task.id);

    expect(await refusal(h.runtime.completeTask(task.id, delegatee, { outcome: 'approve' }))).toMatchObject({ status: 403, code: 'delegatee-may-only-resolve' });
    expect(await refusal(h.runtime.transferTask(task.id, delegatee, { assigneeId: 'huangpu.market2', reason: '再转' }))).toMatchObject({
      status: 403,
      code: 'delegatee-may-only-resolve',
    });
    expect(await refusal(h.runtime.delegateTask(task.id, delegatee, { assigneeId: 'huangpu.urban', reason: '再委派' }))).toMatchObject({ status: 403 });
    expect(await refusal(h.runtime.completeTask(task.id, owner, { outcome: 'approve' }))).toMatchObject({ status: 409, code: 'task-delegated' });
    expect(await refusal(h.runtime.resolveTask(task.id, owner, { comment: '收回' }))).toMatchObject({ status: 409, code: 'task-delegated' });
    expect(await refusal(h.runtime.resolveTask(task.id, delegatee, { comment: '' }))).toMatchObject({ status: 400, code: 'reason-required', details: { field: 'comment' } });

    const back = await h.runtime.resolveTask(task.id, delegatee, { comment: '消防条件符合' });
    expect(back).toMatchObject({ assigneeId: owner.userId, delegation: null, status: 'claimed' });
    expect((await h.runtime.getTask(task.id, owner)).comments).toEqual([expect.objectContaining({ authorId: 'huangpu.fire', text: '消防条件符合' })]);
    expect(await refusal(h.runtime.resolveTask(task.id, delegatee, { comment: '再次' }))).toMatchObject({ status: 403 });
    const done = await h.runtime.completeTask(task.id, owner, { outcome: 'approve' });
    expect(done.task).toMatchObject({ status: 'completed', assigneeId: owner.userId });
    expect((await eventsOf(task.id, 'task.delegated'))[0]).toMatchObject({ actorId: owner.userId, payload: { to: 'huangpu.fire', reason: '请消防出具意见' } });
    expect((await eventsOf(task.id, 'task.resolved'))[0]).toMatchObject({ actorId: 'huangpu.fire', payload: { to: owner.userId, reason: '消防条件符合' } });
  });

  it('refuses to delegate a task the caller has not claimed', async () => {
    const task = await reviewTask();
    expect(await refusal(h.runtime.delegateTask(task.id, await h.viewer('huangpu.market'), { assigneeId: 'huangpu.fire', reason: '请出具意见' }))).toMatchObject({
      status: 409,
      code: 'task-not-claimed',
    });
  });
});

describe('comments (审批意见)', () => {
  it('appends the handler’s and a manager’s comments, refuses a blank one and a clerk of another department', async () => {
    const task = await reviewTask();
    await h.runtime.commentOnTask(task.id, await h.viewer('huangpu.market'), { text: '材料齐全' });
    await h.runtime.commentOnTask(task.id, await h.viewer('huangpu.manager'), { text: '请加快办理' });
    expect(await refusal(h.runtime.commentOnTask(task.id, await h.viewer('huangpu.market'), { text: '   ' }))).toMatchObject({ status: 400, details: { field: 'text' } });
    expect(await refusal(h.runtime.commentOnTask(task.id, await h.viewer('huangpu.fire'), { text: '路过' }))).toMatchObject({ status: 403 });
    const { comments } = await h.runtime.getTask(task.id, await h.viewer('huangpu.market'));
    expect(comments.map((c) => [c.authorId, c.text])).toEqual([
      ['huangpu.market', '材料齐全'],
      ['huangpu.manager', '请加快办理'],
    ]);
  });
});

describe('urge (催办)', () => {
  it('notifies the assignee of each open task, once an hour per caller, recorded in the audit trail', async () => {
    const task = await claimed();
    const manager = await h.viewer('huangpu.manager');
    const urged = await h.runtime.urgeCase(task.caseId, manager, { message: '申请人来电催问' });
    expect(urged.recipients).toEqual([{ taskId: task.id, userId: 'huangpu.market', departmentId: 'sh-huangpu-market-regulation' }]);
    const notes = await h.database.db.select().from(notifications).where(and(eq(notifications.caseId, task.caseId), eq(notifications.kind, 'urge')));
    expect(notes).toEqual([expect.objectContaining({ userId: 'huangpu.market', taskId: task.id, message: '申请人来电催问' })]);
    const again = await refusal(h.runtime.urgeCase(task.caseId, manager, {}));
    expect(again).toMatchObject({ status: 429, code: 'urge-too-soon', details: { retryAfterSeconds: 3600 } });
    await h.runtime.advanceClock({ to: new Date(h.clock.now().getTime() + 61 * 60_000) });
    await h.runtime.urgeCase(task.caseId, manager, {});
    const recorded = await h.database.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, task.caseId), eq(caseEvents.type, 'case.urged')));
    expect(recorded.map((e) => e.actorId)).toEqual([manager.userId, manager.userId]);
  });

  it('refuses a manager of another district and a clerk who never handled the case', async () => {
    const task = await reviewTask();
    expect(await refusal(h.runtime.urgeCase(task.caseId, await h.viewer('xuhui.manager'), {}))).toMatchObject({ status: 403, code: 'urge-forbidden' });
    expect(await refusal(h.runtime.urgeCase(task.caseId, await h.viewer('huangpu.fire'), {}))).toMatchObject({ status: 403, code: 'urge-forbidden' });
  });
});

describe('copies (抄送)', () => {
  it('copies a case to users with a notification, lists it as copied to them with a read flag, and lets them read the task', async () => {
    const task = await claimed();
    const clerk = await h.viewer('huangpu.market');
    const reader = await h.viewer('huangpu.fire');
    expect(await refusal(h.runtime.getTask(task.id, reader))).toMatchObject({ status: 403 });
    const made = await h.runtime.copyTask(task.id, clerk, { userIds: ['huangpu.fire'], reason: '请知悉' });
    expect(made).toEqual([expect.objectContaining({ userId: 'huangpu.fire', copiedBy: clerk.userId, reason: '请知悉', readAt: null })]);
    expect(await h.runtime.copyTask(task.id, clerk, { userIds: ['huangpu.fire'] })).toEqual([]);
    const notes = await h.database.db.select().from(notifications).where(and(eq(notifications.caseId, task.caseId), eq(notifications.kind, 'copy')));
    expect(notes.map((n) => n.userId)).toEqual(['huangpu.fire']);
    const unread = await h.runtime.listCopies(reader, { unread: true });
    const item = unread.items.find((c) => c.caseId === task.caseId);
    expect(item).toMatchObject({ read: false, task: { id: task.id, name: task.name }, copiedByName: expect.any(String) });
    expect((await h.runtime.getTask(task.id, reader)).task.id).toBe(task.id);
    expect(await refusal(h.runtime.markCopyRead(item!.id, await h.viewer('huangpu.urban')))).toMatchObject({ status: 404, code: 'copy-not-found' });
    expect((await h.runtime.markCopyRead(item!.id, reader)).readAt).not.toBeNull();
    expect((await h.runtime.listCopies(reader, { unread: true })).items.find((c) => c.caseId === task.caseId)).toBeUndefined();
    expect((await h.runtime.listCopies(reader)).items.find((c) => c.caseId === task.caseId)).toMatchObject({ read: true });
    expect((await eventsOf(task.id, 'task.copied'))[0]).toMatchObject({ actorId: clerk.userId, payload: { userIds: ['huangpu.fire'], reason: '请知悉' } });
    expect(await refusal(h.runtime.copyTask(task.id, reader, { userIds: ['huangpu.urban'] }))).toMatchObject({ status: 403 });
  });
});

describe('inbox search and the done list (已办)', () => {
  it('finds tasks by case number, applicant and workflow, and lists what the caller completed or handed on', async () => {
    const mine = await reviewTask('sh-huangpu-nanjing-east', '欧阳娜娜');
    const other = await reviewTask('sh-huangpu-nanjing-east', '司马光');
    const clerk = await h.viewer('huangpu.market');
    expect((await h.runtime.listInbox(clerk, { applicant: '欧阳' })).items.map((t) => t.id)).toEqual([mine.id]);
    expect((await h.runtime.listInbox(clerk, { caseId: other.caseId.slice(0, 13) })).items.map((t) => t.id)).toEqual([other.id]);
    expect((await h.runtime.listInbox(clerk, { applicant: '%' })).items).toEqual([]);
    expect((await h.runtime.listInbox(clerk, { definitionKey: 'extension-permit', applicant: '司马' })).items.map((t) => t.id)).toEqual([other.id]);

    await h.runtime.claimTask(mine.id, clerk);
    await h.runtime.completeTask(mine.id, clerk, { outcome: 'approve' });
    await h.runtime.claimTask(other.id, clerk);
    await h.runtime.transferTask(other.id, clerk, { assigneeId: 'huangpu.market2', reason: '分流' });
    const done = (await h.runtime.listDone(clerk, { limit: 200 })).items.map((t) => t.id);
    expect(done).toEqual(expect.arrayContaining([mine.id, other.id]));
    expect((await h.runtime.listDone(await h.viewer('huangpu.market3'))).items.map((t) => t.id)).not.toContain(mine.id);
  });
});

describe('the inbox of a clerk holding tasks of another department', () => {
  it('lists the tasks delegated to them with their department’s own, in list order, each once, paged and counted together', async () => {
    const market = await h.viewer('huangpu.market');
    const fire = await h.viewer('huangpu.fire');
    const delegated = [await claimed(), await claimed()];
    for (const task of delegated) await h.runtime.delegateTask(task.id, market, { assigneeId: 'huangpu.fire', reason: '请消防出具意见' });
    const own = await claimed();

    const all = await h.runtime.listInbox(fire, { limit: 200 });
    expect(all.items.map((t) => t.id)).toEqual(expect.arrayContaining(delegated.map((t) => t.id)));
    expect(all.total).toBe(all.items.length);
    const order = all.items.map((t) => [t.dueAt?.getTime() ?? Infinity, t.createdAt.getTime()] as const);
    expect(order).toEqual([...order].sort(([dueA, createdA], [dueB, createdB]) => dueA - dueB || createdA - createdB));
    const pages = [];
    for (let offset = 0; offset < all.total; offset += 1) pages.push(...(await h.runtime.listInbox(fire, { limit: 1, offset })).items.map((t) => t.id));
    expect(pages).toEqual(all.items.map((t) => t.id));

    const ownInbox = await h.runtime.listInbox(market, { limit: 200 });
    expect(ownInbox.items.filter((t) => t.id === own.id)).toHaveLength(1);
    expect(ownInbox.total).toBe(new Set(ownInbox.items.map((t) => t.id)).size);
  });
});

describe('bulk reassignment', () => {
  it('reassigns the tasks in the manager’s scope with a reason and reports, per task, what happened', async () => {
    const a = await claimed();
    const b = await reviewTask();
    const outside = await reviewTask('sh-xuhui-tianping');
    const manager = await h.viewer('huangpu.manager');
    expect(await refusal(h.runtime.reassignTasks(manager, { taskIds: [a.id], assigneeId: 'huangpu.market2', reason: '' }))).toMatchObject({
      status: 400,
      code: 'reason-required',
    });
    const results = await h.runtime.reassignTasks(manager, { taskIds: [a.id, b.id, outside.id, 'no-such-task'], assigneeId: 'huangpu.market2', reason: '承办人离岗' });
    expect(results.map((r) => [r.taskId, r.ok, r.ok ? r.task.assigneeId : r.error.code])).toEqual([
      [a.id, true, 'huangpu.market2'],
      [b.id, true, 'huangpu.market2'],
      [outside.id, false, 'case-forbidden'],
      ['no-such-task', false, 'task-not-found'],
    ]);
    expect((await eventsOf(a.id, 'task.reassigned'))[0]).toMatchObject({ actorId: manager.userId, payload: { from: 'huangpu.market', to: 'huangpu.market2', reason: '承办人离岗' } });
    expect(await refusal(h.runtime.reassignTasks(await h.viewer('huangpu.market'), { taskIds: [b.id], assigneeId: 'huangpu.market3', reason: '我来分' }))).toMatchObject({
      status: 403,
      code: 'reassign-forbidden',
    });
    const [xuhui] = await h.runtime.reassignTasks(await h.viewer('xuhui.manager'), { taskIds: [b.id], assigneeId: 'huangpu.market3', reason: '越区' });
    expect(xuhui).toMatchObject({ ok: false, error: { code: 'case-forbidden', status: 403 } });
  });
});

describe('concurrent operations on one task', () => {
  it('lets exactly one of two transfers at once win', async () => {
    const task = await claimed();
    const clerk = await h.viewer('huangpu.market');
    const settled = await Promise.allSettled([
      h.runtime.transferTask(task.id, clerk, { assigneeId: 'huangpu.market2', reason: '甲' }),
      h.runtime.transferTask(task.id, clerk, { assigneeId: 'huangpu.market3', reason: '乙' }),
    ]);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    const lost = settled.find((s) => s.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ status: 409, code: 'task-claimed' });
    const [row] = await h.database.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row!.handoffs).toHaveLength(1);
    expect(await eventsOf(task.id, 'task.transferred')).toHaveLength(1);
  });

  it('lets exactly one of a completion, a delegation and a transfer at once win', async () => {
    const task = await claimed();
    const clerk = await h.viewer('huangpu.market');
    const settled = await Promise.allSettled([
      h.runtime.completeTask(task.id, clerk, { outcome: 'approve' }),
      h.runtime.delegateTask(task.id, clerk, { assigneeId: 'huangpu.fire', reason: '请出具意见' }),
      h.runtime.transferTask(task.id, clerk, { assigneeId: 'huangpu.market2', reason: '承办人出差' }),
    ]);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    for (const s of settled) if (s.status === 'rejected') expect((s.reason as TongbanError).status).toBe(409);
  });

  it('lets exactly one of two claims racing an operation on the case win, without a deadlock', async () => {
    const task = await reviewTask();
    const settled = await Promise.allSettled([
      h.runtime.claimTask(task.id, await h.viewer('huangpu.market')),
      h.runtime.claimTask(task.id, await h.viewer('huangpu.market2')),
      h.runtime.commentOnTask(task.id, await h.viewer('huangpu.manager'), { text: '加快' }),
    ]);
    const claims = settled.slice(0, 2);
    expect(claims.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    expect(settled[2]!.status).toBe('fulfilled');
  });
});
