import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { handleIds, type DesignFlowNode } from '../model/flow-types.ts';
import { nodeClassName } from './node-class-name.ts';
import { ProblemBadge } from './ProblemBadge.tsx';

/** Marker drawn inside each gateway type: × exclusive, + parallel (BPMN). */
const markers = { exclusiveGateway: '×', parallelGateway: '+' } as const;

/** A BPMN gateway: a diamond with its marker, its name below. */
function GatewayNode({ id, data, selected, isConnectable }: NodeProps<DesignFlowNode>) {
  const { node, decoration } = data;
  const marker = node.type === 'parallelGateway' ? markers.parallelGateway : markers.exclusiveGateway;
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
      <span className="tb-gateway-marker">{marker}</span>
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

/** The memoised gateway node (exclusive and parallel). */
export default memo(GatewayNode);
