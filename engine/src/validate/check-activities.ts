import type { DefinitionGraph } from './definition-graph.ts';
import { forwardOutgoing, quoteList } from './definition-graph.ts';
import type { Diagnostic } from './diagnostic.types.ts';

/** Activities that go on along one edge when what they wait for happens. */
const SINGLE_EXIT = new Set(['serviceTask', 'timerEvent']);

/**
 * `activity-multiple-outgoing`: a service task or a timer continues on one edge; a gateway after
 * it branches.
 * @internal
 */
export function checkActivities(graph: DefinitionGraph): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const node of graph.nodes.values()) {
    if (!SINGLE_EXIT.has(node.type)) continue;
    const outgoing = forwardOutgoing(graph, node.id);
    if (outgoing.length <= 1) continue;
    diagnostics.push({
      code: 'activity-multiple-outgoing',
      severity: 'error',
      message: `${node.type === 'serviceTask' ? 'Service task' : 'Timer'} '${node.id}' has ${outgoing.length} outgoing edges (${quoteList(outgoing.map((edge) => edge.id))}); it goes on along one, so branch with a gateway after it`,
      nodeId: node.id,
      edgeId: outgoing[1]?.id,
    });
  }
  return diagnostics;
}
