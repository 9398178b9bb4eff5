import type { WorkflowDefinition } from '@tongban/engine';

/**
 * One definition holding everything of both versions, for drawing their diff: the nodes and
 * edges of `after`, plus those of `before` that `after` removed (where they stood in `before`).
 */
export function unionDefinition(before: WorkflowDefinition, after: WorkflowDefinition): WorkflowDefinition {
  const nodeIds = new Set(after.nodes.map((node) => node.id));
  const edgeIds = new Set(after.edges.map((edge) => edge.id));
  return {
    ...after,
    nodes: [...after.nodes, ...before.nodes.filter((node) => !nodeIds.has(node.id))],
    edges: [...after.edges, ...before.edges.filter((edge) => !edgeIds.has(edge.id))],
  };
}
