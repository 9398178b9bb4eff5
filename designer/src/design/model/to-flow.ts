import { MarkerType } from '@xyflow/react';
import { slaEdgeBehaviour, type SlaAction, type WorkflowDefinition, type WorkflowEdge } from '@tongban/engine';
import type { NodeSize } from './auto-layout.ts';
import {
  handleIds,
  type DesignFlowEdge,
  type DesignFlowNode,
  type EdgeDecoration,
  type NodeDecoration,
} from './flow-types.ts';

/** Everything a canvas draws besides the definition itself. */
export interface FlowView {
  selectedNodeIds?: ReadonlySet<string>;
  selectedEdgeIds?: ReadonlySet<string>;
  /** Sizes React Flow measured, by node id (kept so a rebuilt node is not measured again). */
  measured?: Readonly<Record<string, NodeSize>>;
  nodeDecorations?: Readonly<Record<string, NodeDecoration>>;
  edgeDecorations?: Readonly<Record<string, EdgeDecoration>>;
  /** Words drawn on edges: the default marker (`默认`), and what an SLA edge does (`超时 · 督办`). */
  edgeWords?: EdgeWords;
}

/** Words drawn on edges that carry no text of their own. */
export interface EdgeWords {
  defaultEdge: string;
  slaBreachEdge: string;
  slaActions: Record<SlaAction, string>;
}

/** The words used when none are given: the model's own terms. */
const plainWords: EdgeWords = {
  defaultEdge: 'default',
  slaBreachEdge: 'time-out',
  slaActions: { escalate: 'escalate', notify: 'notify', deemedApproval: 'deemed approval', deemedRejection: 'deemed rejection' },
};

/** The arrow at the target end of every edge. */
const edgeArrow = { type: MarkerType.ArrowClosed, width: 16, height: 16 } as const;

const noDecoration: NodeDecoration & EdgeDecoration = Object.freeze({});

/** Horizontal distance between nodes that have no position yet, in flow pixels. */
const unplacedSpacing = 220;

/**
 * React Flow nodes for a definition. A node of `previous` whose inputs did not change is
 * returned as is, so React Flow and the memoised node components skip it (pitfalls B26).
 * Only domain data goes in; React Flow state (measurement, selection) comes from `view` (B28).
 */
export function toFlowNodes(
  definition: WorkflowDefinition,
  view: FlowView = {},
  previous: readonly DesignFlowNode[] = [],
): DesignFlowNode[] {
  const previousById = new Map(previous.map((node) => [node.id, node]));
  return definition.nodes.map((node, index) => {
    const selected = view.selectedNodeIds?.has(node.id) ?? false;
    const measured = view.measured?.[node.id];
    const decoration = view.nodeDecorations?.[node.id] ?? noDecoration;
    const old = previousById.get(node.id);
    if (
      old !== undefined &&
      old.data.node === node &&
      old.data.decoration === decoration &&
      (old.selected ?? false) === selected &&
      old.measured?.width === measured?.width &&
      old.measured?.height === measured?.height
    ) {
      return old;
    }
    const flowNode: DesignFlowNode = {
      id: node.id,
      type: node.type,
      position: node.position ?? { x: index * unplacedSpacing, y: 0 },
      data: { node, decoration },
      selected,
    };
    if (measured !== undefined) flowNode.measured = measured;
    return flowNode;
  });
}

/**
 * The text drawn on an edge: its label, else what an SLA edge does, else its outcome's label,
 * else its condition, else the default marker.
 */
export function edgeText(definition: WorkflowDefinition, edge: WorkflowEdge, words: EdgeWords = plainWords): string {
  if (edge.label !== undefined && edge.label !== '') return edge.label;
  if (edge.kind === 'slaBreach') return `${words.slaBreachEdge} · ${words.slaActions[slaEdgeBehaviour(edge).action]}`;
  if (edge.outcome !== undefined) {
    const source = definition.nodes.find((node) => node.id === edge.source);
    const outcome = source?.type === 'userTask' ? source.outcomes.find((o) => o.id === edge.outcome) : undefined;
    return outcome?.label ?? edge.outcome;
  }
  if (edge.condition !== undefined) return edge.condition;
  return edge.default === true ? words.defaultEdge : '';
}

/** React Flow edges for a definition; unchanged edges of `previous` are returned as they were. */
export function toFlowEdges(
  definition: WorkflowDefinition,
  view: FlowView = {},
  previous: readonly DesignFlowEdge[] = [],
): DesignFlowEdge[] {
  const previousById = new Map(previous.map((edge) => [edge.id, edge]));
  return definition.edges.map((edge) => {
    const selected = view.selectedEdgeIds?.has(edge.id) ?? false;
    const decoration = view.edgeDecorations?.[edge.id] ?? noDecoration;
    const text = edgeText(definition, edge, view.edgeWords);
    const old = previousById.get(edge.id);
    if (
      old?.data !== undefined &&
      old.data.edge === edge &&
      old.data.text === text &&
      old.data.decoration === decoration &&
      (old.selected ?? false) === selected
    ) {
      return old;
    }
    return {
      id: edge.id,
      type: 'flow',
      source: edge.source,
      target: edge.target,
      sourceHandle: handleIds.source,
      targetHandle: handleIds.target,
      data: { edge, text, decoration },
      markerEnd: edgeArrow,
      selected,
    };
  });
}
