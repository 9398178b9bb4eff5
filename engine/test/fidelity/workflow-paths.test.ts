import { getAdjacencyMap, getShortestPaths } from '@xstate/graph';
import { createMachine } from 'xstate';
import type { AnyMachineSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compile, implementations } from '../../src/index.ts';
import type { CaseContext, CaseEvent, PersistedCaseSnapshot } from '../../src/index.ts';
import { candidateEvents, taskMetas } from './candidate-events.ts';
import { fixtureNames, loadWorkflow } from '../load-fixture.ts';
import { shippedWorkflows } from './shipped-workflows.ts';
import type { ShippedWorkflow } from './shipped-workflows.ts';

/** The shipped workflows, and the engine's fixtures of every element (with data that takes their branches both ways). */
const workflows: ShippedWorkflow[] = [
  ...shippedWorkflows(),
  ...fixtureNames('workflows').map((name) => ({
    key: `fixture ${name}`,
    definition: loadWorkflow(name),
    dataSets: [{}, { tobacco: true, outdoorSign: true, seats: 80, rawFood: true, licenceValid: true, panelMembers: ['wang', 'li'] }],
  })),
];

/**
 * A case state for path enumeration, without the activation counters and ids that grow around a
 * loop: which nodes it rests in, which tasks, timers, services and sub-cases are open, and whether
 * it is suspended. Two snapshots that agree on these have the same futures.
 */
function shape(snapshot: AnyMachineSnapshot): string {
  const context = snapshot.context as CaseContext;
  return JSON.stringify([
    snapshot.status,
    snapshot.value,
    Object.keys(context.tasks).sort(),
    Object.values(context.timers ?? {}).map((timer) => `${timer.nodeId}/${timer.purpose}`).sort(),
    Object.entries(context.services ?? {}).map(([nodeId, invocation]) => `${nodeId}/${invocation.status}`).sort(),
    Object.keys(context.subCases ?? {}).sort(),
    Object.entries(context.instances ?? {}).map(([nodeId, set]) => `${nodeId}/${set.open.length}/${set.decided.map((d) => d.outcome).join(',')}`).sort(),
    context.suspension !== null,
  ]);
}

describe.each(workflows.map((workflow) => [workflow.key, workflow] as const))('the paths of %s, enumerated by @xstate/graph', (_key, workflow) => {
  const { machine } = compile(workflow.definition);
  const metas = taskMetas(machine);
  const logic = createMachine(machine).provide(implementations);
  const endEvents = new Set(workflow.definition.nodes.flatMap((node) => (node.type === 'endEvent' ? [node.id] : [])));
  const events = (snapshot: AnyMachineSnapshot): CaseEvent[] =>
    snapshot.status === 'done' ? [] : candidateEvents(machine, metas, snapshot as unknown as PersistedCaseSnapshot, { breaches: true });

  it.each(workflow.dataSets.map((data, index) => [index, data] as const))('ends every path in an end event, for the data of fixture %i', (_index, data) => {
    const options = { input: { caseId: 'paths', data }, events, serializeState: shape };
    const adjacency = getAdjacencyMap(logic, options);
    const states = Object.entries(adjacency);
    const finals = states.filter(([, { state }]) => state.status === 'done');
    for (const [, { state }] of finals) expect(endEvents, JSON.stringify(state.value)).toContain(state.value);

    const reachesEnd = new Set(finals.map(([key]) => key));
    for (let grew = true; grew; ) {
      grew = false;
      for (const [key, { transitions }] of states) {
        if (reachesEnd.has(key)) continue;
        const next = Object.values(transitions) as { state: AnyMachineSnapshot }[];
        if (next.some(({ state }) => reachesEnd.has(shape(state)))) {
          reachesEnd.add(key);
          grew = true;
        }
      }
    }
    const stuck = states.filter(([key]) => !reachesEnd.has(key)).map(([, { state }]) => JSON.stringify(state.value));
    expect(stuck).toEqual([]);

    const paths = getShortestPaths(logic, { ...options, toState: (state) => state.status === 'done' });
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      expect(path.state.status).toBe('done');
      expect(endEvents).toContain(path.state.value);
    }
  });

  it('reaches every end event over all the data sets', () => {
    const reached = new Set<string>();
    for (const data of workflow.dataSets) {
      for (const path of getShortestPaths(logic, { input: { caseId: 'paths', data }, events, serializeState: shape, toState: (state) => state.status === 'done' })) {
        reached.add(path.state.value as string);
      }
    }
    expect([...reached].sort()).toEqual([...endEvents].sort());
  });
});
