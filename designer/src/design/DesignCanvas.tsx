import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeChange,
} from '@xyflow/react';
import type { NodeType, WorkflowDefinition } from '@tongban/engine';
import { App } from 'antd';
import { useCallback, useEffect, useMemo, useRef, type Dispatch, type DragEvent } from 'react';
import { useMessages } from '../i18n/index.ts';
import { edgeTypes, nodeTypes } from './canvas/flow-element-types.ts';
import { designMessages, type DesignWords } from './messages.ts';
import { isPaletteNodeType, paletteMimeType } from './NodePalette.tsx';
import type { NodeSize } from './model/auto-layout.ts';
import { refuseConnection } from './model/connection-rules.ts';
import { createNode } from './model/create-node.ts';
import type { DesignAction, Selection } from './model/design-state.ts';
import type { DesignFlowEdge, DesignFlowNode, EdgeDecoration, NodeDecoration } from './model/flow-types.ts';
import { toFlowEdges, toFlowNodes } from './model/to-flow.ts';
import { takenIds, uniqueId } from './model/unique-id.ts';
import type { XYPosition } from './model/definition-change.ts';

/** Props of {@link DesignCanvas}. */
export interface DesignCanvasProps {
  definition: WorkflowDefinition;
  selection: Selection;
  measured: Readonly<Record<string, NodeSize>>;
  nodeDecorations: Readonly<Record<string, NodeDecoration>>;
  edgeDecorations: Readonly<Record<string, EdgeDecoration>>;
  dispatch: Dispatch<DesignAction>;
  /** Changes whenever the view should fit the drawing again (another definition opened, a layout). */
  fitRequest: number;
}

/** What the end-to-end suite reads from the page (`window.tongbanDesigner`). */
export interface DesignerTestHook {
  /** The definition on the canvas, as it would be saved. */
  definition(): WorkflowDefinition;
  /** React Flow's screen → flow coordinates, to check where a drop landed (pitfalls B22). */
  screenToFlowPosition(point: XYPosition): XYPosition;
}

declare global {
  interface Window {
    tongbanDesigner?: DesignerTestHook;
  }
}

const deleteKeys = ['Delete', 'Backspace'];
/** From this many nodes on, only what is in view is rendered (pitfalls B26). */
const largeGraphNodes = 150;
const fitViewOptions = { padding: 0.2, maxZoom: 1.2 };

/**
 * The editable canvas: nodes and edges built from the definition (the only state that is saved),
 * drops from the palette placed under the pointer at any zoom, connections checked while drawn.
 * Must sit inside a `ReactFlowProvider`.
 */
export function DesignCanvas({ definition, selection, measured, nodeDecorations, edgeDecorations, dispatch, fitRequest }: DesignCanvasProps) {
  const t = useMessages(designMessages);
  const { message } = App.useApp();
  const { screenToFlowPosition, fitView } = useReactFlow<DesignFlowNode, DesignFlowEdge>();
  const previousNodes = useRef<DesignFlowNode[]>([]);
  const previousEdges = useRef<DesignFlowEdge[]>([]);
  const selectedNodeIds = useMemo(() => new Set(selection.nodeIds), [selection.nodeIds]);
  const selectedEdgeIds = useMemo(() => new Set(selection.edgeIds), [selection.edgeIds]);
  const nodes = useMemo(() => {
    previousNodes.current = toFlowNodes(definition, { selectedNodeIds, measured, nodeDecorations }, previousNodes.current);
    return previousNodes.current;
  }, [definition, selectedNodeIds, measured, nodeDecorations]);
  const edges = useMemo(() => {
    previousEdges.current = toFlowEdges(
      definition,
      { selectedEdgeIds, edgeDecorations, edgeWords: t },
      previousEdges.current,
    );
    return previousEdges.current;
  }, [definition, selectedEdgeIds, edgeDecorations, t]);

  const definitionRef = useRef(definition);
  definitionRef.current = definition;
  useEffect(() => {
    window.tongbanDesigner = { definition: () => definitionRef.current, screenToFlowPosition };
    return () => {
      delete window.tongbanDesigner;
    };
  }, [screenToFlowPosition]);

  useEffect(() => {
    void fitView(fitViewOptions);
  }, [fitRequest, fitView]);

  const onNodesChange = useCallback((changes: NodeChange<DesignFlowNode>[]) => dispatch({ type: 'nodeChanges', changes }), [dispatch]);
  const onEdgesChange = useCallback((changes: EdgeChange<DesignFlowEdge>[]) => dispatch({ type: 'edgeChanges', changes }), [dispatch]);
  const onConnect = useCallback((connection: Connection) => dispatch({ type: 'connect', source: connection.source, target: connection.target }), [dispatch]);
  const isValidConnection = useCallback<IsValidConnection<DesignFlowEdge>>(
    (connection) => refuseConnection(definitionRef.current, connection) === null,
    [],
  );
  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid !== false || state.fromNode === null || state.toNode === null) return;
      const refusal = refuseConnection(definitionRef.current, { source: state.fromNode.id, target: state.toNode.id });
      if (refusal !== null) void message.warning(t.refusals[refusal]);
    },
    [message, t],
  );
  const onDelete = useCallback(
    ({ nodes: removedNodes, edges: removedEdges }: { nodes: DesignFlowNode[]; edges: Edge[] }) => {
      dispatch({
        type: 'edit',
        changes: [
          { type: 'removeEdges', ids: removedEdges.map((edge) => edge.id) },
          { type: 'removeNodes', ids: removedNodes.map((node) => node.id) },
        ],
        select: { nodeIds: [], edgeIds: [] },
      });
    },
    [dispatch],
  );
  const onDragOver = useCallback((event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const type = event.dataTransfer.getData(paletteMimeType);
      if (!isPaletteNodeType(type)) return;
      const position = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      dispatch(addNodeAction(definitionRef.current, type, position, t));
    },
    [dispatch, screenToFlowPosition, t],
  );

  return (
    <div className="tb-design-canvas" data-testid="design-canvas">
      <ReactFlow<DesignFlowNode, DesignFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onDelete={onDelete}
        onDragOver={onDragOver}
        onDrop={onDrop}
        deleteKeyCode={deleteKeys}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.2}
        maxZoom={2.5}
        onlyRenderVisibleElements={definition.nodes.length >= largeGraphNodes}
      >
        <Background gap={16} size={1} />
        <MiniMap pannable zoomable data-testid="minimap" />
        <Controls data-testid="canvas-controls" />
      </ReactFlow>
    </div>
  );
}

/** The action that adds a new node of `type` at `position` and selects it. */
export function addNodeAction(
  definition: WorkflowDefinition,
  type: NodeType,
  position: XYPosition,
  t: Pick<DesignWords, 'newNodeNames' | 'outcomes'>,
): DesignAction {
  const id = uniqueId(type, takenIds(definition));
  const node = createNode(type, id, position, { names: t.newNodeNames, outcomes: t.outcomes });
  return { type: 'edit', changes: [{ type: 'addNode', node }], select: { nodeIds: [id], edgeIds: [] } };
}
