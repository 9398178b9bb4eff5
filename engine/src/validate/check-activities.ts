import type { CallActivity } from '../definition/index.ts';
import type { DefinitionGraph } from './definition-graph.ts';
import { forwardOutgoing, nodeField, quoteList } from './definition-graph.ts';
import type { Diagnostic } from './diagnostic.types.ts';

/** Activities that go on along one edge when what they wait for happens. */
const SINGLE_EXIT = new Set(['serviceTask', 'timerEvent']);

/**
 * `activity-multiple-outgoing`: a service task or a timer continues on one edge; a gateway after
 * it branches. `invalid-call-activity`: a call activity calls another definition, and routes every
 * result of its sub-case: one edge per named result, one edge without an outcome for the rest.
 * @internal
 */
export function checkActivities(graph: DefinitionGraph): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const node of graph.nodes.values()) {
    if (node.type === 'callActivity') diagnostics.push(...checkCall(graph, node));
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

function checkCall(graph: DefinitionGraph, node: CallActivity): Diagnostic[] {
  const invalid = (message: string, edgeId?: string): Diagnostic => ({
    code: 'invalid-call-activity',
    severity: 'error',
    message,
    nodeId: node.id,
    ...(edgeId === undefined ? { field: nodeField(graph, node.id, 'calledElement') } : { edgeId }),
  });
  const diagnostics: Diagnostic[] = [];
  if (node.calledElement === graph.definition.key) {
    diagnostics.push(invalid(`Call activity '${node.id}' calls workflow '${node.calledElement}', the one it belongs to; a case cannot wait for a case of its own kind`));
  }
  const outgoing = forwardOutgoing(graph, node.id);
  const rest = outgoing.filter((edge) => edge.outcome === undefined);
  if (outgoing.length > 0 && rest.length !== 1) {
    diagnostics.push(
      invalid(
        rest.length === 0
          ? `Call activity '${node.id}' routes only the results ${quoteList(outgoing.map((edge) => edge.outcome as string))}; add one edge without an outcome for every other result`
          : `Call activity '${node.id}' has several edges without an outcome (${quoteList(rest.map((edge) => edge.id))}); keep one for the results no edge names`,
        rest[1]?.id,
      ),
    );
  }
  const seen = new Map<string, string>();
  for (const edge of outgoing) {
    if (edge.outcome === undefined) continue;
    const first = seen.get(edge.outcome);
    if (first !== undefined) diagnostics.push(invalid(`Edges '${first}' and '${edge.id}' of call activity '${node.id}' both take result '${edge.outcome}'`, edge.id));
    seen.set(edge.outcome, edge.id);
  }
  return diagnostics;
}
