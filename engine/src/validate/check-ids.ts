import type { DefinitionGraph } from './definition-graph.ts';
import type { Diagnostic } from './diagnostic.types.ts';

/**
 * `duplicate-node-id`, `duplicate-edge-id`: ids are unique within their kind (the first one counts).
 * @internal
 */
export function checkIds({ definition }: DefinitionGraph): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const nodeIds = new Set<string>();
  definition.nodes.forEach((node, index) => {
    if (nodeIds.has(node.id)) {
      diagnostics.push({
        code: 'duplicate-node-id',
        severity: 'error',
        message: `Node id '${node.id}' is used more than once in workflow '${definition.key}'`,
        nodeId: node.id,
        field: `nodes[${index}].id`,
      });
    }
    nodeIds.add(node.id);
  });
  const edgeIds = new Set<string>();
  definition.edges.forEach((edge, index) => {
    if (edgeIds.has(edge.id)) {
      diagnostics.push({
        code: 'duplicate-edge-id',
        severity: 'error',
        message: `Edge id '${edge.id}' is used more than once in workflow '${definition.key}'`,
        edgeId: edge.id,
        field: `edges[${index}].id`,
      });
    }
    edgeIds.add(edge.id);
  });
  return diagnostics;
}
