import { and, asc, eq } from 'drizzle-orm';
import { addDuration, cnMainlandCalendar } from '@tongban/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, tasks, timers } from '../../src/db/schema/index.ts';
import type { TongbanError } from '../../src/errors/index.ts';
import { PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';

let h: ExecutionHarness;

beforeAll(async () => {
  h = await startExecution();
  await h.publish('countersign');
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

async function refusal(work: Promise<unknown>): Promise<TongbanError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error === undefined) throw new Error('expected a refusal');
  return error as TongbanError;
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
