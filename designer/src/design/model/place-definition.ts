import type { WorkflowDefinition } from '@tongban/engine';
import { layoutDefinition } from './auto-layout.ts';

/**
 * The definition itself when every node has a position; otherwise the definition with every node
 * laid out by ELK (a definition written by hand or by another tool may carry no layout).
 */
export async function placeDefinition(definition: WorkflowDefinition): Promise<WorkflowDefinition> {
  if (definition.nodes.every((node) => node.position !== undefined)) return definition;
  const positions = await layoutDefinition(definition);
  return { ...definition, nodes: definition.nodes.map((node) => ({ ...node, position: positions[node.id] ?? { x: 0, y: 0 } })) };
}
