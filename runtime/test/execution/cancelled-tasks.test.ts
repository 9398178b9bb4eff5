import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';

let h: ExecutionHarness;

beforeAll(async () => {
  h = await startExecution();
  const permit = await h.fixture('parallel-permit');
  // The market review may send the case back to intake (退回), cancelling the other departments' parallel work.
  const nodes = (permit.nodes as Record<string, unknown>[]).map((node) =>
    node.id === 'market' ? { ...node, outcomes: [...(node.outcomes as unknown[]), { id: 'return', label: '退回' }] } : node,
  );
  const edges = [...(permit.edges as unknown[]), { id: 'e-market-return', source: 'market', target: 'intake', outcome: 'return' }];
  await h.runtime.publishDefinition({ ...permit, key: 'returnable-parallel', nodes, edges }, { publishedBy: null });
});

afterAll(async () => {
  await h?.close();
});

async function inParallel(): Promise<string> {
  const { case: created } = await h.runtime.createCase({
    definitionKey: 'returnable-parallel',
    jurisdiction: 'sh-huangpu-nanjing-east',
    applicant: { name: '周八' },
    data: { businessName: '外滩咖啡' },
    actor: PORTAL,
  });
  const detail = await h.runtime.getCase(created.id, await h.viewer('city.supervisor'));
  const intake = detail.tasks.find((t) => t.nodeId === 'intake');
  await h.runtime.completeTask(intake?.id ?? '', await h.viewer('huangpu.intake'), { outcome: 'approve', data: { area: 40 } });
  return created.id;
}

async function tasksOf(caseId: string) {
  return (await h.runtime.getCase(caseId, await h.viewer('city.supervisor'))).tasks;
}

async function closedFigures(): Promise<{ met: number; breached: number }> {
  const load = await h.runtime.monitorLoad(await h.viewer('city.supervisor'));
  return load.items.reduce((sum, d) => ({ met: sum.met + d.met, breached: sum.breached + d.breached }), { met: 0, breached: 0 });
}

describe('tasks closed undecided', () => {
  it('names the parallel work a return would cancel before it happens, then closes it cancelled, counted neither met nor breached', async () => {
    const caseId = await inParallel();
    const before = await closedFigures();
    const market = (await tasksOf(caseId)).find((t) => t.nodeId === 'market');
    const preview = await h.runtime.previewReturn(market?.id ?? '', await h.viewer('huangpu.market'), {});
    expect(preview.returnTo).toBe('intake');
    expect(preview.cancels.map((t) => [t.nodeId, t.departmentName]).sort()).toEqual([
      ['fire', '上海市消防救援总队'],
      ['signage', '黄浦区绿化和市容管理局'],
    ]);
    await expect(h.runtime.previewReturn(market?.id ?? '', await h.viewer('huangpu.fire'), {})).rejects.toMatchObject({ status: 403 });
    await h.runtime.completeTask(market?.id ?? '', await h.viewer('huangpu.market'), { outcome: 'return', data: {}, reason: '材料与现场不符' });
    const tasks = await tasksOf(caseId);
    expect(tasks.find((t) => t.nodeId === 'market')).toMatchObject({ status: 'completed', slaState: 'met' });
    for (const nodeId of ['fire', 'signage']) {
      expect(tasks.find((t) => t.nodeId === nodeId)).toMatchObject({ status: 'closed', closeReason: 'returned', slaState: 'cancelled' });
    }
    expect(await closedFigures()).toEqual({ met: before.met + 1, breached: before.breached });
  });

  it('closes the open tasks of a withdrawn case as cancelled', async () => {
    const caseId = await inParallel();
    const before = await closedFigures();
    await h.runtime.withdrawCase(caseId, { reason: '申请人撤回' }, PORTAL);
    const open = (await tasksOf(caseId)).filter((t) => t.nodeId !== 'intake');
    expect(open.map((t) => [t.status, t.slaState])).toEqual(open.map(() => ['closed', 'cancelled']));
    expect(await closedFigures()).toEqual({ met: before.met, breached: before.breached });
  });
});
