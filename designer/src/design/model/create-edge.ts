import type { WorkflowDefinition, WorkflowEdge } from '@tongban/engine';
import { takenIds, uniqueId } from './unique-id.ts';

/**
 * A new edge from `source` to `target`. An edge leaving a userTask takes the first of the task's
 * outcomes that no other edge of the task routes yet, so a task drawn with two edges is routed at once.
 * `requestSupplement` is never taken: a supplement request keeps the case at the task, it has no edge.
 */
export function createEdge(definition: WorkflowDefinition, source: string, target: string): WorkflowEdge {
  const edge: WorkflowEdge = { id: uniqueId('edge', takenIds(definition)), source, target };
  const sourceNode = definition.nodes.find((node) => node.id === source);
  if (sourceNode?.type !== 'userTask') return edge;
  const routed = new Set(definition.edges.filter((e) => e.source === source).map((e) => e.outcome));
  const outcome = sourceNode.outcomes.find((o) => o.id !== 'requestSupplement' && !routed.has(o.id));
  return outcome === undefined ? edge : { ...edge, outcome: outcome.id };
}
