import { memo, useMemo } from 'react';
import { ReactFlow, ReactFlowProvider, type Edge, type Node } from '@xyflow/react';
import type { WorkflowDefinition } from '@tongban/engine';
import '@xyflow/react/dist/style.css';

/** Load and SLA figures of one node, as the monitor reports them. */
export interface NodeHeat {
  active: number;
  avgDurationHours: number | null;
  overdue: number;
}

/** Props of {@link ProcessDiagram}. */
export interface ProcessDiagramProps {
  definition: WorkflowDefinition;
  /** Nodes the case currently sits on: drawn highlighted. */
  activeNodeIds?: string[];
  /** Per-node load: nodes are coloured by it. */
  heat?: Record<string, NodeHeat>;
  /** Height of the diagram, in CSS pixels (default 360). */
  height?: number;
}

/** A read-only drawing of a workflow definition, for the Tasks and Monitor screens. */
export const ProcessDiagram = memo(function ProcessDiagram({
  definition,
  activeNodeIds = [],
  height = 360,
}: ProcessDiagramProps) {
  const nodes = useMemo<Node[]>(
    () =>
      definition.nodes.map((node, index) => ({
        id: node.id,
        position: node.position ?? { x: index * 180, y: 0 },
        data: { label: node.name },
        className: activeNodeIds.includes(node.id) ? 'tb-active' : undefined,
      })),
    [definition, activeNodeIds],
  );
  const edges = useMemo<Edge[]>(
    () => definition.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target })),
    [definition],
  );
  return (
    <div style={{ height }} data-testid="process-diagram">
      <ReactFlowProvider>
        <ReactFlow nodes={nodes} edges={edges} fitView nodesDraggable={false} nodesConnectable={false} />
      </ReactFlowProvider>
    </div>
  );
});
