import type { WorkflowDefinition, WorkflowEdge, WorkflowNode } from '../definition/index.ts';

/**
 * An index of a definition's graph for the checks and the compiler. Duplicate ids keep their first
 * occurrence; edges whose source or target is not a node are left out of `edges`.
 * @internal
 */
export interface DefinitionGraph {
  definition: WorkflowDefinition;
  nodes: Map<string, WorkflowNode>;
  /** Position of each node in `definition.nodes`, for `field` paths. */
  nodeIndex: Map<string, number>;
  /** Edges whose both ends exist, first occurrence of each id. */
  edges: WorkflowEdge[];
  /** Position of each edge in `definition.edges`, for `field` paths. */
  edgeIndex: Map<WorkflowEdge, number>;
  outgoing: Map<string, WorkflowEdge[]>;
  incoming: Map<string, WorkflowEdge[]>;
  /** Outgoing edges without the returns: the edges that carry the process forward. */
  forward: Map<string, WorkflowEdge[]>;
}

/**
 * Builds the graph index of `definition`.
 * @internal
 */
export function buildGraph(definition: WorkflowDefinition): DefinitionGraph {
  const nodes = new Map<string, WorkflowNode>();
  const nodeIndex = new Map<string, number>();
  definition.nodes.forEach((node, index) => {
    if (nodes.has(node.id)) return;
    nodes.set(node.id, node);
    nodeIndex.set(node.id, index);
  });
  const outgoing = new Map<string, WorkflowEdge[]>();
  const incoming = new Map<string, WorkflowEdge[]>();
  for (const id of nodes.keys()) {
    outgoing.set(id, []);
    incoming.set(id, []);
  }
  const edges: WorkflowEdge[] = [];
  const edgeIndex = new Map<WorkflowEdge, number>();
  const seenEdges = new Set<string>();
  definition.edges.forEach((edge, index) => {
    if (seenEdges.has(edge.id)) return;
    seenEdges.add(edge.id);
    edgeIndex.set(edge, index);
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) return;
    edges.push(edge);
    outgoing.get(edge.source)?.push(edge);
    incoming.get(edge.target)?.push(edge);
  });
  const forward = new Map<string, WorkflowEdge[]>();
  for (const [id, list] of outgoing) {
    forward.set(
      id,
      list.filter((edge) => !returnEdge(nodes, edge)),
    );
  }
  return { definition, nodes, nodeIndex, edges, edgeIndex, outgoing, incoming, forward };
}

function returnEdge(nodes: Map<string, WorkflowNode>, edge: WorkflowEdge): boolean {
  return edge.outcome === 'return' && edge.kind !== 'slaBreach' && nodes.get(edge.source)?.type === 'userTask';
}

/**
 * Whether a node of `type` waits for an event (a clerk, a timer, a service, a sub-case) rather
 * than passing straight on as events and gateways do.
 * @internal
 */
export function isWaitNode(type: WorkflowNode['type']): boolean {
  return type === 'userTask' || type === 'serviceTask' || type === 'timerEvent' || type === 'callActivity';
}

/**
 * Whether `edge` is a return (退回) edge: outcome `return` on an edge leaving a userTask.
 * @internal
 */
export function isReturnEdge(graph: DefinitionGraph, edge: WorkflowEdge): boolean {
  return returnEdge(graph.nodes, edge);
}

/**
 * The edges that carry the process forward: every edge but returns.
 * @internal
 */
export function forwardOutgoing(graph: DefinitionGraph, nodeId: string): WorkflowEdge[] {
  return graph.forward.get(nodeId) ?? [];
}

/**
 * The `field` path of a node's property, e.g. `nodes[3].department`.
 * @internal
 */
export function nodeField(graph: DefinitionGraph, nodeId: string, property?: string): string | undefined {
  const index = graph.nodeIndex.get(nodeId);
  if (index === undefined) return undefined;
  return property === undefined ? `nodes[${index}]` : `nodes[${index}].${property}`;
}

/**
 * The `field` path of an edge's property, e.g. `edges[7].target`.
 * @internal
 */
export function edgeField(graph: DefinitionGraph, edge: WorkflowEdge, property?: string): string | undefined {
  const index = graph.edgeIndex.get(edge);
  if (index === undefined) return undefined;
  return property === undefined ? `edges[${index}]` : `edges[${index}].${property}`;
}

/**
 * Quotes ids for messages: `'a', 'b' and 'c'`.
 * @internal
 */
export function quoteList(ids: readonly string[]): string {
  const quoted = ids.map((id) => `'${id}'`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
