import { afterAll, describe, expect, it } from 'vitest';
import { compile, exportStandaloneModule, step } from '../src/index.ts';
import type { CaseEvent, PersistedCaseSnapshot } from '../src/index.ts';
import { loadWorkflow } from './load-fixture.ts';
import { standaloneFolder } from './standalone-module.ts';

const folder = standaloneFolder();
afterAll(() => folder.remove());

interface Scenario {
  workflow: string;
  data: Record<string, unknown>;
  /** Events as a caller of the module sends them: ids left out. */
  events: Record<string, unknown>[];
}

const complete = (nodeId: string, outcome: string, data: Record<string, unknown> = {}, reason?: string) => ({
  type: 'task.complete',
  nodeId,
  outcome,
  data,
  ...(reason === undefined ? {} : { reason }),
});

const scenarios: Record<string, Scenario> = {
  'a countersign over departments and a threshold of assignees, with a signer removed': {
    workflow: 'multi-instance',
    data: { panelMembers: ['li', 'wang', 'zhao'] },
    events: [
      complete('intake', 'approve'),
      complete('joint-review', 'approve'),
      complete('joint-review', 'approve'),
      complete('joint-review', 'approve'),
      { type: 'task.removeSigner', nodeId: 'panel' },
      complete('panel', 'approve'),
      complete('panel', 'approve'),
      complete('issue', 'approve'),
    ],
  },
  'a countersign one department rejects': {
    workflow: 'multi-instance',
    data: { panelMembers: ['li'] },
    events: [complete('intake', 'approve'), complete('joint-review', 'reject', {}, '消防通道不达标')],
  },
  'a service task that fails, is retried and succeeds': {
    workflow: 'service-task',
    data: {},
    events: [
      { type: 'service.failed', nodeId: 'check-licence', error: 'timeout' },
      { type: 'service.retry', nodeId: 'check-licence' },
      { type: 'service.succeeded', nodeId: 'check-licence', data: { licenceValid: true } },
      complete('review', 'approve'),
    ],
  },
  'a call activity whose sub-case is approved': {
    workflow: 'call-activity',
    data: {},
    events: [complete('intake', 'approve'), { type: 'subCase.completed', nodeId: 'food-licence', result: 'approved', data: { licenceNo: 'JY1' } }, complete('issue', 'approve')],
  },
  'an acceptance deadline that passes before the intake decides': {
    workflow: 'acceptance-deadline',
    data: {},
    events: [{ type: 'timer.fired', nodeId: 'intake' }, complete('intake', 'approve'), complete('review', 'approve')],
  },
  'an extension requested and approved': {
    workflow: 'extension',
    data: {},
    events: [
      { type: 'task.requestExtension', nodeId: 'review', amount: 5, reason: '需现场核查' },
      { type: 'task.approveExtension', nodeId: 'review', approverRole: 'manager' },
      complete('review', 'approve'),
      complete('issue', 'approve'),
    ],
  },
};

describe.each(Object.entries(scenarios))('the standalone module and the step, on %s', (_name, scenario) => {
  it('end in the same state with the same context', async () => {
    const definition = loadWorkflow(scenario.workflow);
    const loaded = await folder.load(exportStandaloneModule(definition));
    const { machine } = compile(definition);
    const start = Date.parse('2026-03-02T01:00:00Z');
    const actor = loaded.createCaseActor({ caseId: 'c1', data: scenario.data, receivedAt: new Date(start).toISOString() }, { onEffect: () => {} });
    actor.start();
    let snapshot: PersistedCaseSnapshot = step(machine, undefined, { type: 'case.start' }, new Date(start), { caseId: 'c1', data: scenario.data }).snapshot;
    scenario.events.forEach((event, index) => {
      const at = new Date(start + (index + 1) * 3_600_000);
      actor.send({ ...event, at: at.toISOString() });
      const filled = loaded.withCaseIds(snapshot.context, event);
      delete filled.at;
      snapshot = step(machine, snapshot, filled as unknown as CaseEvent, at).snapshot;
    });
    const ended = actor.getSnapshot();
    expect(ended.status).toBe(snapshot.status);
    expect(ended.context).toEqual(snapshot.context);
    expect(ended.status).toBe('done');
  });
});
