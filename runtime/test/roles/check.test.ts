import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { childEnv } from '../support/index.ts';
import { PORTAL, startExecution, type ExecutionHarness } from '../execution/support/execution-harness.ts';

let h: ExecutionHarness;

beforeAll(async () => {
  h = await startExecution();
  for (const name of ['parallel-permit', 'countersign', 'deemed-acceptance']) await h.publish(name);
}, 120_000);

afterAll(async () => {
  await h?.close();
});

async function file(definitionKey: string, data: Record<string, unknown> = {}): Promise<string> {
  const { case: created } = await h.runtime.createCase({ definitionKey, jurisdiction: 'sh-huangpu-nanjing-east', applicant: { name: '张三' }, data, actor: PORTAL });
  return created.id;
}

async function openTask(caseId: string, nodeId: string) {
  const task = (await h.runtime.getCase(caseId, await h.viewer('city.manager'))).tasks.find((t) => t.nodeId === nodeId && (t.status === 'open' || t.status === 'claimed'));
  if (!task) throw new Error(`Case '${caseId}' has no open task at '${nodeId}'`);
  return task;
}

/** A parallel-permit case past intake: market, fire and signage open, the promised total armed. */
async function pastIntake(): Promise<string> {
  const caseId = await file('parallel-permit', { businessName: '南京路小馆' });
  await h.runtime.completeTask((await openTask(caseId, 'intake')).id, await h.viewer('huangpu.intake'), { outcome: 'approve', data: { area: 120, category: 'restaurant' } });
  return caseId;
}

const check = () => runCli(['check'], { env: childEnv({ DATABASE_URL: h.database.url }), timeoutMs: 60_000 });

describe('tongban check', () => {
  let running: string;

  it('exits with code 0 on a database whose open cases all agree with their rows', async () => {
    await file('parallel-permit', { businessName: '城隍庙小笼' });
    running = await pastIntake();
    const suspended = await pastIntake();
    const market = await openTask(suspended, 'market');
    await h.runtime.suspendCase(suspended, { reason: 'expertReview', taskId: market.id, comment: '送专家评审' }, await h.viewer('huangpu.market'));
    const countersign = await file('countersign', { panelMembers: ['huangpu.market'] });
    await h.runtime.completeTask((await openTask(countersign, 'intake')).id, await h.viewer('huangpu.intake'), { outcome: 'approve' });
    await file('deemed-acceptance');

    const result = await check();
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^5 open case\(s\) of postgres:\/\/\S+ checked: every snapshot agrees with its rows$/m);
    expect(result.code).toBe(0);
  });

  it('prints each disagreement and exits with code 1 when a timer row is gone and a task row was closed behind the engine', async () => {
    const fire = await openTask(running, 'fire');
    const signage = await openTask(running, 'signage');
    await h.database.sql`delete from timers where task_id = ${fire.id} and kind = 'taskBreach'`;
    await h.database.sql`update tasks set status = 'completed' where id = ${signage.id}`;

    const result = await check();
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain(`case ${running}: task-timer-missing: Open task ${fire.id} (${fire.activationId}) has a limit and no taskBreach timer that is pending, paused or fired`);
    expect(lines).toContain(`case ${running}: task-missing: The snapshot holds task ${signage.activationId} of node 'signage' open, and its row ${signage.id} is completed`);
    expect(lines).toContain(`case ${running}: audit-missing: The audit trail has no 'task.closed' of completed task ${signage.id} (${signage.activationId})`);
    expect(lines.at(-1)).toMatch(/^5 open case\(s\) of postgres:\/\/\S+ checked: \d+ finding\(s\)$/);
  });
});
