import type { DefinitionGraph } from './definition-graph.ts';
import { nodeField, quoteList } from './definition-graph.ts';
import type { Diagnostic } from './diagnostic.types.ts';

/**
 * `no-start-event`, `multiple-start-events`, `start-event-with-incoming`,
 * `start-event-multiple-outgoing`, `no-end-event`, `end-event-with-outgoing`.
 * @internal
 */
export function checkEvents(graph: DefinitionGraph): Diagnostic[] {
  const { definition } = graph;
  const diagnostics: Diagnostic[] = [];
  const nodes = [...graph.nodes.values()];
  const starts = nodes.filter((node) => node.type === 'startEvent');
  if (starts.length === 0) {
    diagnostics.push({
      code: 'no-start-event',
      severity: 'error',
      message: `Workflow '${definition.key}' has no start event`,
      field: 'nodes',
    });
  }
  for (const extra of starts.slice(1)) {
    diagnostics.push({
      code: 'multiple-start-events',
      severity: 'error',
      message: `Start event '${extra.id}' is a second start of workflow '${definition.key}' (the first is '${starts[0]?.id}')`,
      nodeId: extra.id,
      field: nodeField(graph, extra.id),
    });
  }
  if (!nodes.some((node) => node.type === 'endEvent')) {
    diagnostics.push({
      code: 'no-end-event',
      severity: 'error',
      message: `Workflow '${definition.key}' has no end event, so no case can finish`,
      field: 'nodes',
    });
  }
  for (const node of nodes) {
    const incoming = graph.incoming.get(node.id) ?? [];
    const outgoing = graph.outgoing.get(node.id) ?? [];
    if (node.type === 'startEvent' && incoming.length > 0) {
      diagnostics.push({
        code: 'start-event-with-incoming',
        severity: 'error',
        message: `Start event '${node.id}' has incoming ${incoming.length === 1 ? 'edge' : 'edges'} ${quoteList(incoming.map((e) => e.id))}`,
        nodeId: node.id,
        edgeId: incoming[0]?.id,
      });
    }
    if (node.type === 'startEvent' && outgoing.length > 1) {
      diagnostics.push({
        code: 'start-event-multiple-outgoing',
        severity: 'error',
        message: `Start event '${node.id}' has ${outgoing.length} outgoing edges (${quoteList(outgoing.map((e) => e.id))}); use one, and a gateway after it to branch`,
        nodeId: node.id,
      });
    }
    if (node.type === 'endEvent' && outgoing.length > 0) {
      diagnostics.push({
        code: 'end-event-with-outgoing',
        severity: 'error',
        message: `End event '${node.id}' has outgoing ${outgoing.length === 1 ? 'edge' : 'edges'} ${quoteList(outgoing.map((e) => e.id))}`,
        nodeId: node.id,
        edgeId: outgoing[0]?.id,
      });
    }
  }
  return diagnostics;
}
