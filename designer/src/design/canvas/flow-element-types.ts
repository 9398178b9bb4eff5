import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import type { NodeType } from '@tongban/engine';
import EventNode from './EventNode.tsx';
import FlowEdge from './FlowEdge.tsx';
import GatewayNode from './GatewayNode.tsx';
import TaskNode from './TaskNode.tsx';

/** The component of every node type, at module scope so React Flow never sees a new object (B26). */
export const nodeTypes = {
  startEvent: EventNode,
  endEvent: EventNode,
  userTask: TaskNode,
  serviceTask: TaskNode,
  timerEvent: EventNode,
  callActivity: TaskNode,
  exclusiveGateway: GatewayNode,
  parallelGateway: GatewayNode,
  inclusiveGateway: GatewayNode,
} satisfies Record<NodeType, NodeTypes[string]>;

/** The component of every edge type. */
export const edgeTypes = { flow: FlowEdge } satisfies EdgeTypes;
