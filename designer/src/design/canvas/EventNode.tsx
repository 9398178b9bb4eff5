import { ClockCircleOutlined } from '@ant-design/icons';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { handleIds, type DesignFlowNode } from '../model/flow-types.ts';
import { nodeClassName } from './node-class-name.ts';
import { ProblemBadge } from './ProblemBadge.tsx';

/**
 * A BPMN event: a circle, thin for the start event (left only to leave), thick for the end event
 * (entered only), double with a clock for an intermediate timer (entered and left), with its name
 * below.
 */
function EventNode({ id, data, selected, isConnectable }: NodeProps<DesignFlowNode>) {
  const { node, decoration } = data;
  const isStart = node.type === 'startEvent';
  const isTimer = node.type === 'timerEvent';
  const kind = isStart ? 'tb-start-event' : isTimer ? 'tb-timer-event' : 'tb-end-event';
  return (
    <div
      className={nodeClassName(`tb-event ${kind}`, decoration, selected)}
      style={decoration.heat === undefined ? undefined : { background: decoration.heat.color }}
      data-testid={`node-${id}`}
      data-node-id={id}
      data-node-type={node.type}
    >
      {!isStart && (
        <Handle
          type="target"
          position={Position.Left}
          id={handleIds.target}
          isConnectable={isConnectable}
          data-testid={`handle-${id}-${handleIds.target}`}
        />
      )}
      {isTimer && <ClockCircleOutlined className="tb-timer-icon" />}
      <span className="tb-below-label">{node.name}</span>
      <ProblemBadge problem={decoration.problem} ownerId={id} />
      {(isStart || isTimer) && (
        <Handle
          type="source"
          position={Position.Right}
          id={handleIds.source}
          isConnectable={isConnectable}
          data-testid={`handle-${id}-${handleIds.source}`}
        />
      )}
    </div>
  );
}

/** The memoised event node (start, end and timer events). */
export default memo(EventNode);
