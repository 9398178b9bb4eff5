import type { DefinitionGraph } from './definition-graph.ts';
import { forwardOutgoing, isWaitNode, nodeField, quoteList } from './definition-graph.ts';
import type { Diagnostic } from './diagnostic.types.ts';

/**
 * `invalid-acceptance-deadline`: the art. 32 deadline (`acceptanceDeadline`) belongs to the intake,
 * the task a case reaches first: one reached from the start event through gateways only, before
 * any other task or wait.
 * @internal
 */
export function checkAcceptanceDeadlines(graph: DefinitionGraph): Diagnostic[] {
  const tasks = [...graph.nodes.values()].filter((node) => node.type === 'userTask' && node.acceptanceDeadline !== undefined);
  if (tasks.length === 0) return [];
  const first = firstWaits(graph);
  const diagnostics: Diagnostic[] = [];
  for (const task of tasks) {
    if (first.has(task.id)) continue;
    diagnostics.push({
      code: 'invalid-acceptance-deadline',
      severity: 'error',
      message: `Task '${task.id}' has an acceptance deadline, but it is not where a case is received: the first ${first.size === 1 ? 'task is' : 'tasks are'} ${quoteList([...first])}`,
      nodeId: task.id,
      field: nodeField(graph, task.id, 'acceptanceDeadline'),
    });
  }
  return diagnostics;
}

/** The nodes that wait which a case reaches from its start event through gateways only. */
function firstWaits(graph: DefinitionGraph): Set<string> {
  const start = [...graph.nodes.values()].find((node) => node.type === 'startEvent');
  const first = new Set<string>();
  if (!start) return first;
  const seen = new Set<string>([start.id]);
  const queue = [start.id];
  for (let head = 0; head < queue.length; head += 1) {
    for (const edge of forwardOutgoing(graph, queue[head] as string)) {
      if (seen.has(edge.target)) continue;
      seen.add(edge.target);
      const target = graph.nodes.get(edge.target);
      if (target === undefined) continue;
      if (isWaitNode(target.type)) first.add(target.id);
      else queue.push(target.id);
    }
  }
  return first;
}
