import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timers } from '../../src/db/schema/index.ts';
import { PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';

let h: ExecutionHarness;

beforeAll(async () => {
  h = await startExecution();
  await h.publish('countersign');
});

afterAll(async () => {
  await h?.close();
});

async function detail(caseId: string) {
  return h.runtime.getCase(caseId, await h.viewer('city.supervisor'));
}

/** A case past intake: its three joint-review tasks are open. */
async function atJointReview(): Promise<string> {
  const { case: created } = await h.runtime.createCase({
    definitionKey: 'countersign',
    jurisdiction: 'sh-huangpu-nanjing-east',
    applicant: { name: '沈十六' },
    data: { panelMembers: ['huangpu.market', 'nobody-of-that-name'] },
    actor: PORTAL,
  });
  const intake = (await detail(created.id)).tasks[0]!;
  await h.runtime.completeTask(intake.id, await h.viewer('huangpu.intake'), { outcome: 'approve' });
  return created.id;
}

const CLERKS: Record<string, string> = {
  'sh-huangpu-fire-rescue': 'huangpu.fire',
  'sh-huangpu-health': 'huangpu.health',
  'sh-huangpu-urban-management': 'huangpu.urban',
};

describe('multi-instance tasks (会签)', () => {
  it('open one task per department, each with its own id, department and timers', async () => {
    const caseId = await atJointReview();
    const joint = (await detail(caseId)).tasks.filter((t) => t.nodeId === 'joint-review');
    expect(joint.map((t) => [t.activationId, t.departmentId, t.status, t.instance?.item, t.instance?.of])).toEqual([
      ['joint-review#1.1', 'sh-huangpu-fire-rescue', 'open', 'fire-rescue', 3],
      ['joint-review#1.2', 'sh-huangpu-health', 'open', 'health', 3],
      ['joint-review#1.3', 'sh-huangpu-urban-management', 'open', 'urban-management', 3],
    ]);
    expect(new Set(joint.map((t) => t.id)).size).toBe(3);
    for (const task of joint) {
      const armed = await h.database.db.select().from(timers).where(and(eq(timers.taskId, task.id), eq(timers.kind, 'taskBreach')));
      expect(armed).toHaveLength(1);
    }
    const inbox = await h.runtime.listInbox(await h.viewer('huangpu.health'));
    expect(inbox.items.filter((t) => t.caseId === caseId).map((t) => t.activationId)).toEqual(['joint-review#1.2']);
    await expect(h.runtime.completeTask(joint[0]!.id, await h.viewer('huangpu.health'), { outcome: 'approve' })).rejects.toMatchObject({ status: 403 });
  });

  it('go on when every department approves, then give the panel to the users named', async () => {
    const caseId = await atJointReview();
    for (const task of (await detail(caseId)).tasks.filter((t) => t.nodeId === 'joint-review')) {
      const { case: after } = await h.runtime.completeTask(task.id, await h.viewer(CLERKS[task.departmentId]!), { outcome: 'approve' });
      expect(after.status).toBe('active');
    }
    const panel = (await detail(caseId)).tasks.filter((t) => t.nodeId === 'panel');
    const market = await h.viewer('huangpu.market');
    expect(panel.map((t) => [t.activationId, t.departmentId, t.status, t.assigneeId])).toEqual([
      ['panel#1.1', 'sh-huangpu-market-regulation', 'claimed', market.userId],
      ['panel#1.2', 'sh-huangpu-market-regulation', 'open', null],
    ]);
    const { nextTasks } = await h.runtime.completeTask(panel[0]!.id, market, { outcome: 'approve' });
    expect(nextTasks.map((t) => t.nodeId)).toEqual(['issue']);
    const closed = (await detail(caseId)).tasks.find((t) => t.activationId === 'panel#1.2');
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'cancelled' });
  });

  it('reject the step at the first refusal, closing the other instances and their timers', async () => {
    const caseId = await atJointReview();
    const joint = (await detail(caseId)).tasks.filter((t) => t.nodeId === 'joint-review');
    await h.runtime.completeTask(joint[0]!.id, await h.viewer('huangpu.fire'), { outcome: 'approve' });
    const { case: after } = await h.runtime.completeTask(joint[1]!.id, await h.viewer('huangpu.health'), { outcome: 'reject', reason: '卫生条件不达标' });
    expect(after).toMatchObject({ status: 'completed', result: 'rejected' });
    const tasks = (await detail(caseId)).tasks.filter((t) => t.nodeId === 'joint-review');
    expect(tasks.map((t) => [t.activationId, t.status, t.closeReason])).toEqual([
      ['joint-review#1.1', 'completed', 'completed'],
      ['joint-review#1.2', 'completed', 'completed'],
      ['joint-review#1.3', 'closed', 'cancelled'],
    ]);
    const [live] = await h.database.sql`select count(*)::int as n from timers where case_id = ${caseId} and status in ('pending', 'paused')`;
    expect(live?.n).toBe(0);
  });
});
