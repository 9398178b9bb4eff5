import type { DefinitionGraph } from './definition-graph.ts';
import type { Diagnostic } from './diagnostic.types.ts';

/**
 * `edge-source-missing`, `edge-target-missing`: both ends of an edge are nodes of the workflow.
 * @internal
 */
export function checkEdgeEnds({ definition, nodes }: DefinitionGraph): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  definition.edges.forEach((edge, index) => {
    if (!nodes.has(edge.source)) {
      diagnostics.push({
        code: 'edge-source-missing',
        severity: 'error',
        message: `Edge '${edge.id}' starts at '${edge.source}', which is not a node of workflow '${definition.key}'`,
        edgeId: edge.id,
        field: `edges[${index}].source`,
      });
    }
    if (!nodes.has(edge.target)) {
      diagnostics.push({
        code: 'edge-target-missing',
        severity: 'error',
        message: `Edge '${edge.id}' targets '${edge.target}', which is not a node of workflow '${definition.key}'`,
        edgeId: edge.id,
        field: `edges[${index}].target`,
      });
    }
  });
  return diagnostics;
}
