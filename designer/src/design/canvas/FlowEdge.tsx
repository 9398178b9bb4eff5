import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, useStoreApi, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { DesignFlowEdge } from '../model/flow-types.ts';
import { ProblemBadge } from './ProblemBadge.tsx';

/** How far a loop rises above its node's handles and stands off its sides, in flow pixels. */
const loopRise = 84;
const loopStandOff = 18;

/**
 * The path of an edge from a node back to itself (a non-interrupting SLA edge): out of the right
 * handle, over the top of the node, into the left handle; the label sits on the top.
 */
function loopPath(sourceX: number, sourceY: number, targetX: number, targetY: number): [string, number, number] {
  const top = Math.min(sourceY, targetY) - loopRise;
  const right = sourceX + loopStandOff;
  const left = targetX - loopStandOff;
  return [`M ${sourceX} ${sourceY} L ${right} ${sourceY} L ${right} ${top} L ${left} ${top} L ${left} ${targetY} L ${targetX} ${targetY}`, (left + right) / 2, top];
}

/**
 * A sequence flow: an orthogonal path with an arrow, its outcome, condition or default marker
 * written on it, a problem badge, and a dashed line for a time-out boundary edge.
 */
function FlowEdge({ id, source, target, data, selected, markerEnd, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition }: EdgeProps<DesignFlowEdge>) {
  const [path, labelX, labelY] =
    source === target
      ? loopPath(sourceX, sourceY, targetX, targetY)
      : getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 8 });
  const decoration = data?.decoration ?? {};
  const classes = ['tb-edge'];
  if (selected === true) classes.push('tb-selected');
  if (data?.edge.kind === 'slaBreach') classes.push('tb-edge-breach');
  if (data?.edge.default === true) classes.push('tb-edge-default');
  if (decoration.diff !== undefined) classes.push(`tb-diff-${decoration.diff}`);
  if (decoration.problem !== undefined) classes.push(`tb-has-${decoration.problem.severity}`);
  const text = data?.text ?? '';
  const store = useStoreApi();
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={classes.join(' ')} interactionWidth={16} />
      {(text !== '' || decoration.problem !== undefined) && (
        <EdgeLabelRenderer>
          <div
            className={`tb-edge-label nodrag nopan${selected === true ? ' tb-selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`edge-label-${id}`}
            data-edge-id={id}
            onClick={() => store.getState().addSelectedEdges([id])}
          >
            {text}
            <ProblemBadge problem={decoration.problem} ownerId={id} />
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

/** The memoised sequence-flow edge. */
export default memo(FlowEdge);
