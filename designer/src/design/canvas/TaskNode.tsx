import { ClockCircleOutlined } from '@ant-design/icons';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useMessages } from '../../i18n/index.ts';
import { designMessages } from '../messages.ts';
import { handleIds, type DesignFlowNode } from '../model/flow-types.ts';
import { departmentName } from './department-name.ts';
import { nodeClassName } from './node-class-name.ts';
import { ProblemBadge } from './ProblemBadge.tsx';
import { slaText } from './sla-text.ts';

/** A BPMN user task: a rounded box with its name, department and level, and its time limits. */
function TaskNode({ id, data, selected, isConnectable }: NodeProps<DesignFlowNode>) {
  const t = useMessages(designMessages);
  const { node, decoration } = data;
  const task = node.type === 'userTask' ? node : undefined;
  const heat = decoration.heat;
  return (
    <div
      className={nodeClassName('tb-task', decoration, selected)}
      style={heat === undefined ? undefined : { background: heat.color }}
      data-testid={`node-${id}`}
      data-node-id={id}
      data-node-type={node.type}
    >
      <Handle
        type="target"
        position={Position.Left}
        id={handleIds.target}
        isConnectable={isConnectable}
        data-testid={`handle-${id}-${handleIds.target}`}
      />
      <div className="tb-task-name">{node.name}</div>
      {task !== undefined && (
        <div className={task.department === '' ? 'tb-task-department tb-missing' : 'tb-task-department'}>
          {departmentName(task.department, t)} · {t.levels[task.level]}
        </div>
      )}
      {task?.sla !== undefined && (
        <div className="tb-task-sla">
          <ClockCircleOutlined /> {slaText(task.sla, t)}
        </div>
      )}
      {heat !== undefined && (
        <div className="tb-task-heat" data-testid={`heat-${id}`}>
          {t.legend.activeTasks} {heat.active} · {t.legend.overdue} {heat.overdue}
          {heat.avgDurationHours === null ? '' : ` · ${heat.avgDurationHours.toFixed(1)}h`}
        </div>
      )}
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

/** The memoised user task node. */
export default memo(TaskNode);
