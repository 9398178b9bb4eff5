import { Background, Controls, ReactFlow, ReactFlowProvider, useNodesInitialized, useReactFlow } from '@xyflow/react';
import type { WorkflowDefinition } from '@tongban/engine';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useMessages } from '../../i18n/index.ts';
import { designMessages } from '../messages.ts';
import { layoutDefinition } from '../model/auto-layout.ts';
import type { EdgeDecoration, NodeDecoration } from '../model/flow-types.ts';
import { toFlowEdges, toFlowNodes } from '../model/to-flow.ts';
import { edgeTypes, nodeTypes } from './flow-element-types.ts';
import '@xyflow/react/dist/style.css';
import '../design.css';

/** Props of {@link DiagramView}. */
export interface DiagramViewProps {
  definition: WorkflowDefinition;
  nodeDecorations?: Readonly<Record<string, NodeDecoration>>;
  edgeDecorations?: Readonly<Record<string, EdgeDecoration>>;
  /** Height in CSS pixels. */
  height: number;
  /** Drawn over the top-left corner. */
  legend?: ReactNode;
  testId?: string;
  /** A node was clicked. */
  onNodeClick?(nodeId: string): void;
}

/** A definition whose nodes all have positions: laid out by ELK when some have none. */
function usePlaced(definition: WorkflowDefinition): WorkflowDefinition | null {
  const complete = definition.nodes.every((node) => node.position !== undefined);
  const [placed, setPlaced] = useState<{ from: WorkflowDefinition; to: WorkflowDefinition } | null>(null);
  useEffect(() => {
    if (complete) return;
    let live = true;
    void layoutDefinition(definition).then((positions) => {
      if (!live) return;
      const nodes = definition.nodes.map((node) => ({ ...node, position: positions[node.id] ?? { x: 0, y: 0 } }));
      setPlaced({ from: definition, to: { ...definition, nodes } });
    });
    return () => {
      live = false;
    };
  }, [definition, complete]);
  if (complete) return definition;
  return placed?.from === definition ? placed.to : null;
}

/** Fit with room for the labels under events and gateways, never zoomed in past 100 %. */
const diagramFit = { padding: 0.2, maxZoom: 1 };

/** Fits the view again whenever the drawn definition changes, once its nodes are measured (B23). */
function FitOnChange({ definition }: { definition: WorkflowDefinition }) {
  const { fitView } = useReactFlow();
  const initialized = useNodesInitialized();
  useEffect(() => {
    if (initialized) void fitView(diagramFit);
  }, [definition, initialized, fitView]);
  return null;
}

/**
 * A read-only React Flow drawing of a definition with decorations (active nodes, heat, diff).
 * Nodes can be neither moved, connected nor selected; the view can be panned and zoomed.
 */
export function DiagramView({ definition, nodeDecorations, edgeDecorations, height, legend, testId, onNodeClick }: DiagramViewProps) {
  const t = useMessages(designMessages);
  const placed = usePlaced(definition);
  const nodes = useMemo(
    () => (placed === null ? [] : toFlowNodes(placed, { nodeDecorations: nodeDecorations ?? {} })),
    [placed, nodeDecorations],
  );
  const edges = useMemo(
    () => (placed === null ? [] : toFlowEdges(placed, { edgeDecorations: edgeDecorations ?? {}, edgeWords: t })),
    [placed, edgeDecorations, t],
  );
  return (
    <div className="tb-diagram" style={{ height }} data-testid={testId}>
      <ReactFlowProvider>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          fitView
          fitViewOptions={diagramFit}
          minZoom={0.2}
          {...(onNodeClick === undefined ? {} : { onNodeClick: (_event: unknown, node: { id: string }) => onNodeClick(node.id) })}
          >
          <FitOnChange definition={definition} />
          <Background gap={16} size={1} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </ReactFlowProvider>
      {legend !== undefined && <div className="tb-diagram-legend">{legend}</div>}
    </div>
  );
}
