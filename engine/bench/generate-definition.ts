import type { WorkflowDefinitionInput, WorkflowEdge } from '../src/index.ts';

/**
 * A definition of `nodeCount` nodes (at least 2) for the bench: a chain of blocks, each a check task, an
 * exclusive gateway (a condition to an extra task, and a default) merged again, and a parallel
 * split into three review tasks joined again, so validation and compilation meet every common
 * construct; a chain of tasks fills up to `nodeCount`. Deterministic.
 */
export function generateDefinition(nodeCount: number): WorkflowDefinitionInput {
  const nodes: WorkflowDefinitionInput['nodes'] = [{ id: 'start', type: 'startEvent', name: 'Start' }];
  const edges: WorkflowEdge[] = [];
  const task = (id: string) => nodes.push({ id, type: 'userTask', name: id, department: 'market-regulation', candidateRole: 'clerk', outcomes: [{ id: 'approve', label: '通过' }] });
  const link = (source: string, target: string, extra: Partial<WorkflowEdge> = {}) => edges.push({ id: `e${edges.length + 1}`, source, target, ...extra });
  let previous = 'start';
  for (let block = 1; nodes.length + 10 < nodeCount; block += 1) {
    const [check, gate, extra, merge, split, join] = ['check', 'gate', 'extra', 'merge', 'split', 'join'].map((part) => `${part}-${block}`) as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    task(check);
    nodes.push({ id: gate, type: 'exclusiveGateway', name: gate });
    task(extra);
    nodes.push({ id: merge, type: 'exclusiveGateway', name: merge });
    nodes.push({ id: split, type: 'parallelGateway', name: split });
    const reviews = [1, 2, 3].map((n) => `review-${block}-${n}`);
    reviews.forEach(task);
    nodes.push({ id: join, type: 'parallelGateway', name: join });
    link(previous, check);
    link(check, gate);
    link(gate, extra, { condition: `seats > ${block * 10}` });
    link(gate, merge, { default: true });
    link(extra, merge);
    link(merge, split);
    for (const review of reviews) {
      link(split, review);
      link(review, join);
    }
    previous = join;
  }
  for (let tail = 1; nodes.length < nodeCount - 1; tail += 1) {
    task(`tail-${tail}`);
    link(previous, `tail-${tail}`);
    previous = `tail-${tail}`;
  }
  nodes.push({ id: 'end', type: 'endEvent', name: 'End', result: 'approved' });
  link(previous, 'end');
  return { schemaVersion: 2, key: `generated-${nodeCount}`, version: 1, name: `Generated (${nodes.length} nodes)`, calendar: 'cn-mainland', nodes, edges };
}
