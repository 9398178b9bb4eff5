import { describe, expect, it } from 'vitest';
import { compile, openTasks, parseDefinition, slaEdgeBehaviour, validate } from '../src/index.ts';
import type { CaseContext, StateJson, WorkflowDefinition, WorkflowEdge } from '../src/index.ts';
import { loadWorkflow, readFixture } from './load-fixture.ts';
import { CaseRun } from './run-case.ts';

function withEdge(definition: WorkflowDefinition, id: string, change: Partial<WorkflowEdge>): WorkflowDefinition {
  return { ...definition, edges: definition.edges.map((edge) => (edge.id === id ? { ...edge, ...change } : edge)) };
}

function errorsOf(definition: WorkflowDefinition): string[] {
  return validate(definition).map((d) => `${d.code} ${d.edgeId ?? ''}: ${d.message}`);
}

describe('SLA boundary edges', () => {
  it('should default to an interrupting edge on the statutory limit that escalates, and a non-interrupting one that notifies', () => {
    expect(slaEdgeBehaviour({})).toEqual({ interrupting: true, limit: 'statutory', action: 'escalate' });
    expect(slaEdgeBehaviour({ interrupting: false })).toEqual({ interrupting: false, limit: 'statutory', action: 'notify' });
  });

  describe('non-interrupting', () => {
    it('should compile to a targetless transition, so the task stays open', () => {
      const inspection = compile(loadWorkflow('sla-edges')).machine.states.inspection as StateJson;
      expect(inspection.on?.['task.slaBreach']).toEqual([
        {
          guard: { type: 'taskBreach', params: { nodeId: 'inspection', limit: 'promised' } },
          actions: [{ type: 'notify', params: { nodeId: 'inspection', edgeId: 'e4', limit: 'promised' } }],
        },
        {
          guard: { type: 'taskBreach', params: { nodeId: 'inspection', limit: 'statutory' } },
          actions: [{ type: 'escalate', params: { nodeId: 'inspection', edgeId: 'e5', limit: 'statutory' } }],
        },
      ]);
    });

    it('should notify at the promised limit and escalate at the statutory one while the task stays open', () => {
      const run = new CaseRun(loadWorkflow('sla-edges'));
      run.start();
      expect(run.send({ type: 'task.slaBreach', nodeId: 'inspection', taskId: 'inspection#1', limit: 'promised' })).toEqual([
        { type: 'notify', nodeId: 'inspection', taskId: 'inspection#1', edgeId: 'e4', limit: 'promised' },
      ]);
      expect(run.send({ type: 'task.slaBreach', nodeId: 'inspection', taskId: 'inspection#1' })).toEqual([
        { type: 'escalate', nodeId: 'inspection', taskId: 'inspection#1', edgeId: 'e5', limit: 'statutory' },
      ]);
      expect(openTasks(run.machine, run.current)).toEqual([{ taskId: 'inspection#1', nodeId: 'inspection' }]);
      expect(run.complete('inspection#1')).toContainEqual({ type: 'createTask', taskId: 'decision#1', nodeId: 'decision' });
    });
  });

  describe('interrupting', () => {
    it('should close the task as breached, deem it approved, and go on along the edge', () => {
      const run = new CaseRun(loadWorkflow('sla-edges'));
      run.start();
      run.complete('inspection#1');
      expect(run.send({ type: 'task.slaBreach', nodeId: 'decision', taskId: 'decision#1' })).toEqual([
        { type: 'closeTask', taskId: 'decision#1', nodeId: 'decision', reason: 'breached' },
        { type: 'deemOutcome', nodeId: 'decision', taskId: 'decision#1', outcome: 'approve' },
        { type: 'createTask', taskId: 'issue#1', nodeId: 'issue' },
      ]);
      expect((run.current.context as CaseContext).decisions?.decision).toEqual({ taskId: 'decision#1', outcome: 'approve', deemed: true });
    });

    it('should deem a rejection where the definition says so', () => {
      const definition = withEdge(loadWorkflow('sla-edges'), 'e8', { action: 'deemedRejection', target: 'rejected' });
      const run = new CaseRun(definition);
      run.start();
      run.complete('inspection#1');
      expect(run.send({ type: 'task.slaBreach', nodeId: 'decision', taskId: 'decision#1' })).toEqual([
        { type: 'closeTask', taskId: 'decision#1', nodeId: 'decision', reason: 'breached' },
        { type: 'deemOutcome', nodeId: 'decision', taskId: 'decision#1', outcome: 'reject' },
        { type: 'completeCase', result: 'rejected', nodeId: 'rejected' },
      ]);
    });

    it('should escalate and leave the task when the edge escalates', () => {
      const run = new CaseRun(loadWorkflow('sla-edges'));
      run.start();
      run.complete('inspection#1');
      run.complete('decision#1');
      expect(run.send({ type: 'task.slaBreach', nodeId: 'issue', taskId: 'issue#1' })).toEqual([
        { type: 'closeTask', taskId: 'issue#1', nodeId: 'issue', reason: 'breached' },
        { type: 'escalate', nodeId: 'issue', taskId: 'issue#1', edgeId: 'e10', limit: 'statutory' },
        { type: 'createTask', taskId: 'supervision#1', nodeId: 'supervision' },
      ]);
    });

    it('should do nothing for a limit no edge of the task watches', () => {
      const run = new CaseRun(loadWorkflow('sla-edges'));
      run.start();
      run.complete('inspection#1');
      const before = run.current;
      expect(run.send({ type: 'task.slaBreach', nodeId: 'decision', taskId: 'decision#1', limit: 'promised' })).toEqual([]);
      expect(run.current).toStrictEqual(before);
    });
  });

  describe('validated', () => {
    const base = loadWorkflow('sla-edges');

    it('should accept the fixture', () => {
      expect(validate(base)).toEqual([]);
    });

    it('should refuse a non-interrupting edge that leaves its task, or deems an outcome', () => {
      expect(errorsOf(withEdge(base, 'e4', { target: 'decision' }))).toEqual([
        "invalid-sla-breach-edge e4: Non-interrupting SLA edge 'e4' of task 'inspection' leads to 'decision'; the task stays open, so the edge loops back to 'inspection'",
      ]);
      expect(errorsOf(withEdge(base, 'e5', { action: 'deemedApproval' }))).toEqual([
        "invalid-sla-breach-edge e5: Non-interrupting SLA edge 'e5' of task 'inspection' cannot deem an outcome: the task stays open; make the edge interrupting",
      ]);
    });

    it('should refuse an interrupting edge on the promised limit, one that only notifies, and one deeming an outcome not offered', () => {
      expect(errorsOf(withEdge(base, 'e10', { limit: 'promised' })).map((e) => e.split(':')[0])).toEqual([
        'invalid-sla-breach-edge e10',
        'sla-edge-without-limit e10',
      ]);
      expect(errorsOf(withEdge(base, 'e10', { action: 'notify' }))).toEqual([
        "invalid-sla-breach-edge e10: Interrupting SLA edge 'e10' of task 'issue' only notifies; a notice keeps the task open, so make the edge non-interrupting",
      ]);
      expect(errorsOf(withEdge(base, 'e10', { action: 'deemedRejection' }))).toEqual([
        "invalid-sla-breach-edge e10: SLA edge 'e10' of task 'issue' deems the outcome 'reject', which the task does not offer (it offers 'approve')",
      ]);
    });

    it('should refuse two edges on one limit', () => {
      expect(errorsOf(withEdge(base, 'e4', { limit: 'statutory' }))).toEqual([
        "invalid-sla-breach-edge e5: SLA edge 'e5' of task 'inspection' watches its statutory limit, which SLA edge 'e4' already watches",
      ]);
    });

    it('should warn about an edge watching a limit the task does not set', () => {
      const { definition } = parseDefinition(readFixture('diagnostics/sla-edge-without-limit.json'));
      expect(validate(definition as WorkflowDefinition)).toEqual([
        {
          code: 'sla-edge-without-limit',
          severity: 'warning',
          message: "SLA edge 'e3' of task 'review' watches its promised limit, but the task sets none, so the edge never acts",
          nodeId: 'review',
          edgeId: 'e3',
          field: 'nodes[1].sla',
        },
      ]);
    });
  });
});
