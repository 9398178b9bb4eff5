import { createActor, createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { activeNodes, compile, implementations, parseDefinition, ServiceNotActiveError, validate } from '../src/index.ts';
import type { CaseContext, WorkflowDefinition } from '../src/index.ts';
import { loadWorkflow, readFixture } from './load-fixture.ts';
import { CaseRun, refusal } from './run-case.ts';

const LOOKUP = {
  type: 'invokeService',
  nodeId: 'check-licence',
  implementation: { handler: 'business-licence-lookup' },
  retry: { attempts: 3, backoff: { type: 'exponential', delaySeconds: 30 } },
} as const;

function started(): CaseRun {
  const run = new CaseRun(loadWorkflow('service-task'));
  run.start();
  return run;
}

describe('a service task', () => {
  it('should invoke its service when entered, with its retry policy, and wait there', () => {
    const run = new CaseRun(loadWorkflow('service-task'));
    expect(run.start()).toEqual([{ ...LOOKUP, serviceId: 'check-licence#1' }]);
    expect(activeNodes(run.current)).toEqual(['check-licence']);
  });

  it('should merge what the service returns and go on', () => {
    const run = started();
    expect(run.send({ type: 'service.succeeded', nodeId: 'check-licence', serviceId: 'check-licence#1', data: { licenceValid: true } })).toEqual([
      { type: 'createTask', taskId: 'review#1', nodeId: 'review' },
    ]);
    expect((run.current.context as CaseContext).data).toEqual({ licenceValid: true });
    expect((run.current.context as CaseContext).services).toEqual({});
  });

  it('should raise an incident when it fails after its retries, and invoke it anew on retry', () => {
    const run = started();
    expect(run.send({ type: 'service.failed', nodeId: 'check-licence', serviceId: 'check-licence#1', error: '503 from the registry' })).toEqual([
      { type: 'raiseIncident', serviceId: 'check-licence#1', nodeId: 'check-licence', error: '503 from the registry' },
    ]);
    expect((run.current.context as CaseContext).services?.['check-licence']).toEqual({
      serviceId: 'check-licence#1',
      status: 'incident',
      error: '503 from the registry',
    });
    expect(run.send({ type: 'service.retry', nodeId: 'check-licence', serviceId: 'check-licence#1' })).toEqual([{ ...LOOKUP, serviceId: 'check-licence#2' }]);
    expect(run.send({ type: 'service.succeeded', nodeId: 'check-licence', serviceId: 'check-licence#2', data: { licenceValid: false } })).toEqual([
      { type: 'completeCase', result: 'rejected', nodeId: 'not-accepted' },
    ]);
  });

  it('should refuse results of an old invocation, a result during an incident, and a retry while it runs', () => {
    const run = started();
    const early = refusal(() => run.send({ type: 'service.retry', nodeId: 'check-licence', serviceId: 'check-licence#1' }));
    expect(early).toBeInstanceOf(ServiceNotActiveError);
    expect(early.message).toBe("Service invocation 'check-licence#1' is not incident: the invocation of node 'check-licence' is 'check-licence#1', running");
    run.send({ type: 'service.failed', nodeId: 'check-licence', serviceId: 'check-licence#1', error: 'x' });
    expect(refusal(() => run.send({ type: 'service.succeeded', nodeId: 'check-licence', serviceId: 'check-licence#1' })).code).toBe('service-not-active');
    run.send({ type: 'service.retry', nodeId: 'check-licence', serviceId: 'check-licence#1' });
    expect(refusal(() => run.send({ type: 'service.succeeded', nodeId: 'check-licence', serviceId: 'check-licence#1' })).code).toBe('service-not-active');
  });

  it('should wait while the case is suspended', () => {
    const run = started();
    run.send({ type: 'case.suspend', reason: 'testing' });
    expect(refusal(() => run.send({ type: 'service.succeeded', nodeId: 'check-licence', serviceId: 'check-licence#1' })).code).toBe('case-suspended');
  });

  it('should run the same way in a plain XState actor', () => {
    const { machine } = compile(loadWorkflow('service-task'));
    const actor = createActor(createMachine(machine).provide(implementations), { input: { caseId: 'c', data: {} } });
    actor.start();
    actor.send({ type: 'service.succeeded', nodeId: 'check-licence', serviceId: 'check-licence#9', data: { licenceValid: true } });
    expect(actor.getSnapshot().value).toBe('check-licence');
    actor.send({ type: 'service.succeeded', nodeId: 'check-licence', serviceId: 'check-licence#1', data: { licenceValid: true } });
    expect(actor.getSnapshot().value).toBe('review');
    actor.stop();
  });

  it('should go on along one edge only, and take an HTTP call as its implementation', () => {
    const { definition } = parseDefinition(readFixture('diagnostics/activity-multiple-outgoing.json'));
    expect(validate(definition as WorkflowDefinition).map((d) => [d.code, d.nodeId, d.edgeId])).toEqual([
      ['activity-multiple-outgoing', 'check-licence', 'e6'],
    ]);
    const base = readFixture('workflows/service-task.json') as { nodes: Record<string, unknown>[] };
    const http = { ...base, nodes: base.nodes.map((node) => (node.id === 'check-licence' ? { ...node, implementation: { http: { method: 'GET', url: 'https://registry.example.gov.cn/licences/{creditCode}' } } } : node)) };
    expect(parseDefinition(http).diagnostics).toEqual([]);
    const ftp = { ...base, nodes: base.nodes.map((node) => (node.id === 'check-licence' ? { ...node, implementation: { http: { method: 'GET', url: 'ftp://x' } } } : node)) };
    expect(parseDefinition(ftp).diagnostics.map((d) => d.field)).toEqual(['nodes[1].implementation.http.url']);
  });
});
