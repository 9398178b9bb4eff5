import type { WorkflowDefinition, WorkflowEdge, WorkflowNode } from '@tongban/engine';
import type { DefinitionChange } from './definition-change.ts';
import { takenIds, uniqueId } from './unique-id.ts';

/** What was copied: nodes and the edges between them. */
export interface Clip {
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
}

/** Copies the nodes `nodeIds` and the edges that run between two of them. */
export function copyNodes(definition: WorkflowDefinition, nodeIds: readonly string[]): Clip {
  const ids = new Set(nodeIds);
  return {
    nodes: definition.nodes.filter((node) => ids.has(node.id)),
    edges: definition.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)),
  };
}

/** Distance (flow pixels, both axes) between a pasted node and its original. */
export const pasteOffset = 40;

/**
 * The changes that paste `clip` into `definition`: fresh ids (named after the node type), every
 * node moved by `pasteOffset × times`, the edges rewired to the copies. `newNodeIds` lists the
 * pasted nodes, to select them.
 */
export function pasteClip(
  definition: WorkflowDefinition,
  clip: Clip,
  times = 1,
): { changes: DefinitionChange[]; newNodeIds: string[] } {
  const taken = takenIds(definition);
  const idMap = new Map<string, string>();
  const changes: DefinitionChange[] = [];
  for (const node of clip.nodes) {
    const id = uniqueId(node.type, taken);
    taken.add(id);
    idMap.set(node.id, id);
    const position = node.position ?? { x: 0, y: 0 };
    changes.push({
      type: 'addNode',
      node: { ...node, id, position: { x: position.x + pasteOffset * times, y: position.y + pasteOffset * times } },
    });
  }
  for (const edge of clip.edges) {
    const source = idMap.get(edge.source);
    const target = idMap.get(edge.target);
    if (source === undefined || target === undefined) continue;
    const id = uniqueId('edge', taken);
    taken.add(id);
    changes.push({ type: 'addEdge', edge: { ...edge, id, source, target } });
  }
  return { changes, newNodeIds: [...idMap.values()] };
}
