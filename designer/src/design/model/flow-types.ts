import type { Edge, Node } from '@xyflow/react';
import type { NodeType, WorkflowEdge, WorkflowNode } from '@tongban/engine';
import type { DiffStatus } from './diff-definitions.ts';

/** The worst problem the diagnostics report on one node or edge, and how many there are. */
export interface ProblemMark {
  severity: 'error' | 'warning';
  count: number;
}

/** Load of a node, as the monitor reports it, with the colour it is drawn in. */
export interface HeatMark {
  active: number;
  overdue: number;
  avgDurationHours: number | null;
  /** CSS colour of the node's fill. */
  color: string;
}

/** What is drawn on a node besides its definition: problems, diff status, case position, load. */
export interface NodeDecoration {
  problem?: ProblemMark;
  diff?: DiffStatus;
  active?: boolean;
  heat?: HeatMark;
}

/** What is drawn on an edge besides its definition. */
export interface EdgeDecoration {
  problem?: ProblemMark;
  diff?: DiffStatus;
}

/** Data of a canvas node: the definition's node itself, and its decoration. */
export type DesignNodeData = {
  node: WorkflowNode;
  decoration: NodeDecoration;
};

/** Data of a canvas edge: the definition's edge, the text drawn on it, and its decoration. */
export type DesignEdgeData = {
  edge: WorkflowEdge;
  /** Outcome label, condition or default marker, as drawn on the edge. */
  text: string;
  decoration: EdgeDecoration;
};

/** A React Flow node of the designer: its type is the definition node's type. */
export type DesignFlowNode = Node<DesignNodeData, NodeType>;

/** A React Flow edge of the designer. */
export type DesignFlowEdge = Edge<DesignEdgeData, 'flow'>;

/** Handle ids: every node is entered on the left (`in`) and left on the right (`out`). */
export const handleIds = { target: 'in', source: 'out' } as const;
