import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';

let h: ExecutionHarness;

beforeAll(async () => {
  h = await startExecution();
  await h.publish('sla-edges');
  await h.publish('sla-deemed-rejection');
});

afterAll(async () => {
  await h?.close();
});

async function file(definitionKey: string): Promise<string> {
  const { case: created } = await h.runtime.createCase({
    definitionKey,
    jurisdiction: 'sh-huangpu-nanjing-east',
    applicant: { name: '孙七' },
    data: {},
    actor: PORTAL,
  });
  return created.id;
}

async function detail(caseId: string) {
  return h.runtime.getCase(caseId, await h.viewer('city.supervisor'));
}

async function latest(caseId: string, nodeId: string) {
  const found = (await detail(caseId)).tasks.filter((t) => t.nodeId === nodeId).at(-1);
  if (!found) throw new Error(`No task at '${nodeId}' in case '${caseId}'`);
  return found;
}

async function notices(taskId: string) {
  return h.database.sql<{ kind: string; department_id: string | null; jurisdiction_id: string | null; message: string; payload: Record<string, unknown> }[]>`
    select kind, department_id, jurisdiction_id, message, payload from notifications where task_id = ${taskId} and user_id is null order by id`;
}

describe('SLA boundary edges on the virtual clock', () => {
  it('reminds the department at the promised limit and escalates at the statutory one, the task staying open', async () => {
    const caseId = await file('sla-edges');
    const inspection = await latest(caseId, 'inspection');

    await h.runtime.advanceClock({ to: new Date(inspection.atRiskAt!.getTime() + 60_000) });
    const reminded = await latest(caseId, 'inspection');
    expect(reminded).toMatchObject({ status: 'open', slaState: 'atRisk', escalatedAt: null });
    const [reminder] = await notices(inspection.id);
    expect(reminder).toMatchObject({
      kind: 'reminder',
      department_id: 'sh-huangpu-market-regulation',
      jurisdiction_id: 'sh-huangpu',
      payload: { limit: 'promised', edgeId: 'e4' },
    });
    expect(reminder!.message).toContain('承诺时限');

    await h.runtime.advanceClock({ to: new Date(inspection.dueAt!.getTime() + 60_000) });
    const escalated = await latest(caseId, 'inspection');
    expect(escalated).toMatchObject({ status: 'open', slaState: 'overdue' });
    expect(escalated.escalatedAt).not.toBeNull();
    const all = await notices(inspection.id);
    expect(all.map((n) => [n.kind, n.jurisdiction_id])).toEqual([
      ['reminder', 'sh-huangpu'],
      ['escalation', 'sh'],
    ]);
    expect(all[1]).toMatchObject({ department_id: 'sh-government-service', payload: { limit: 'statutory', edgeId: 'e5' } });
    const types = (await detail(caseId)).timeline.filter((e) => e.taskId === inspection.id).map((e) => e.type);
    expect(types).toEqual(['task.created', 'task.atRisk', 'task.reminded', 'task.overdue', 'task.escalated']);

    const done = await h.runtime.completeTask(inspection.id, await h.viewer('huangpu.market'), { outcome: 'approve' });
    expect(done.task).toMatchObject({ status: 'completed', slaState: 'breached' });
    expect(done.nextTasks.map((t) => t.nodeId)).toEqual(['decision']);
  });

  it('deems a silent decision approved at its statutory limit, closing it breached, and goes on', async () => {
    const caseId = await file('sla-edges');
    await h.runtime.completeTask((await latest(caseId, 'inspection')).id, await h.viewer('huangpu.market'), { outcome: 'approve' });
    const decision = await latest(caseId, 'decision');

    await h.runtime.advanceClock({ to: new Date(decision.dueAt!.getTime() + 60_000) });
    expect(await latest(caseId, 'decision')).toMatchObject({ status: 'closed', closeReason: 'breached', slaState: 'breached', outcome: 'approve' });
    expect(await notices(decision.id)).toEqual([]);
    const issue = await latest(caseId, 'issue');
    expect(issue).toMatchObject({ status: 'open', departmentId: 'sh-huangpu-service-hall' });
    const deemed = (await detail(caseId)).timeline.find((e) => e.type === 'task.deemed');
    expect(deemed).toMatchObject({ taskId: decision.id, actorId: null, payload: { nodeId: 'decision', outcome: 'approve' } });

    await h.runtime.advanceClock({ to: new Date(issue.dueAt!.getTime() + 60_000) });
    expect(await latest(caseId, 'issue')).toMatchObject({ status: 'closed', closeReason: 'breached', slaState: 'breached' });
    expect((await notices(issue.id)).map((n) => [n.kind, n.jurisdiction_id])).toEqual([['escalation', 'sh']]);
    const supervision = await latest(caseId, 'supervision');
    expect(supervision).toMatchObject({ status: 'open', departmentId: 'sh-huangpu-government-service' });
  });

  it('deems a silent decision a refusal where the edge says so, and the case ends rejected', async () => {
    const caseId = await file('sla-deemed-rejection');
    await h.runtime.completeTask((await latest(caseId, 'inspection')).id, await h.viewer('huangpu.market'), { outcome: 'approve' });
    const decision = await latest(caseId, 'decision');
    await h.runtime.advanceClock({ to: new Date(decision.dueAt!.getTime() + 60_000) });
    const after = await detail(caseId);
    expect(after.case).toMatchObject({ status: 'completed', result: 'rejected' });
    expect(after.tasks.find((t) => t.id === decision.id)).toMatchObject({ closeReason: 'breached', outcome: 'reject' });
    const [live] = await h.database.sql`select count(*)::int as n from timers where case_id = ${caseId} and status in ('pending', 'paused')`;
    expect(live?.n).toBe(0);
  });
});
