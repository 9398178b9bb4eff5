import type { WorkflowDefinition } from '@tongban/engine';

/** Why the canvas refuses to draw an edge. */
export type ConnectionRefusal =
  | 'unknown-node'
  | 'self-loop'
  | 'into-start-event'
  | 'out-of-end-event'
  | 'duplicate-edge';

/**
 * Checks an edge the user is drawing: `null` when it may be drawn, else the reason it may not.
 * These are the rules a drawing can break at once; the engine's validation checks the rest (and
 * checks these again, since the canvas does not see every connection: pitfalls B24).
 */
export function refuseConnection(
  definition: WorkflowDefinition,
  connection: { source: string; target: string },
): ConnectionRefusal | null {
  const source = definition.nodes.find((node) => node.id === connection.source);
  const target = definition.nodes.find((node) => node.id === connection.target);
  if (source === undefined || target === undefined) return 'unknown-node';
  if (source.id === target.id) return 'self-loop';
  if (target.type === 'startEvent') return 'into-start-event';
  if (source.type === 'endEvent') return 'out-of-end-event';
  const duplicate = definition.edges.some((edge) => edge.source === source.id && edge.target === target.id);
  return duplicate ? 'duplicate-edge' : null;
}
