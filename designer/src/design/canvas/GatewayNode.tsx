import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { NodeType } from '@tongban/engine';
import { memo } from 'react';
import { handleIds, type DesignFlowNode } from '../model/flow-types.ts';
import { nodeClassName } from './node-class-name.ts';
import { ProblemBadge } from './ProblemBadge.tsx';


/** The BPMN marker inside a gateway: × exclusive, + parallel, ○ inclusive. */
function GatewayMarker({ type }: { type: NodeType }) {
  if (type === 'inclusiveGateway') return <span className="tb-gateway-circle" />;
  return <span className="tb-gateway-marker">{type === 'parallelGateway' ? '+' : '×'}</span>;
}

/** A BPMN gateway: a diamond with its marker, its name below. */
function GatewayNode({ id, data, selected, isConnectable }: NodeProps<DesignFlowNode>) {
  const { node, decoration } = data;
  return (
    <div className={nodeClassName('tb-gateway', decoration, selected)} data-testid={`node-${id}`} data-node-id={id} data-node-type={node.type}>
      <Handle
        type="target"
        position={Position.Left}
        id={handleIds.target}
        isConnectable={isConnectable}
        data-testid={`handle-${id}-${handleIds.target}`}
      />
      <div className="tb-gateway-diamond" style={decoration.heat === undefined ? undefined : { background: decoration.heat.color }} />
      <GatewayMarker type={node.type} />
      <span className="tb-below-label">{node.name}</span>
      <ProblemBadge problem={decoration.problem} ownerId={id} />
      <Handle
        type="source"
        position={Position.Right}
        id={handleIds.source}
        isConnectable={isConnectable}
        data-testid={`handle-${id}-${handleIds.source}`}
      />
    </div>
  );
}

/** The memoised gateway node (exclusive, parallel, inclusive). */
export default memo(GatewayNode);
