import ELK from 'elkjs/lib/elk.bundled.js';
import type { NodeType, WorkflowDefinition } from '@tongban/engine';
import type { XYPosition } from './definition-change.ts';

/** Width and height of a node, in flow pixels. */
export interface NodeSize {
  width: number;
  height: number;
}

/** Sizes the node shapes are drawn at, for nodes the canvas has not measured yet. */
export const defaultNodeSizes: Record<NodeType, NodeSize> = {
  startEvent: { width: 40, height: 40 },
  endEvent: { width: 40, height: 40 },
  userTask: { width: 176, height: 84 },
  serviceTask: { width: 176, height: 84 },
  timerEvent: { width: 40, height: 40 },
  callActivity: { width: 176, height: 84 },
  exclusiveGateway: { width: 48, height: 48 },
  parallelGateway: { width: 48, height: 48 },
  inclusiveGateway: { width: 48, height: 48 },
};

const elk = new ELK();

/** ELK options: layered, left to right, room under events and gateways for their labels. */
const layoutOptions: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '56',
  'elk.layered.spacing.nodeNodeBetweenLayers': '110',
  'elk.layered.spacing.edgeNodeBetweenLayers': '24',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

/**
 * Lays the graph out with ELK's layered algorithm, left to right (edges that go back, such as
 * returns, are routed against the flow). Returns each node's new top-left position; `sizes` gives
 * measured sizes, the shapes' default sizes stand in for the others.
 */
export async function layoutDefinition(
  definition: WorkflowDefinition,
  sizes: Readonly<Record<string, NodeSize>> = {},
): Promise<Record<string, XYPosition>> {
  const graph = await elk.layout({
    id: 'root',
    layoutOptions,
    children: definition.nodes.map((node) => ({ id: node.id, ...(sizes[node.id] ?? defaultNodeSizes[node.type]) })),
    edges: definition.edges.map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  });
  const positions: Record<string, XYPosition> = {};
  for (const child of graph.children ?? []) {
    positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  }
  return positions;
}
