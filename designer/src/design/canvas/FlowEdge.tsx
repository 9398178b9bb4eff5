import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, useStoreApi, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { DesignFlowEdge } from '../model/flow-types.ts';
import { ProblemBadge } from './ProblemBadge.tsx';

/**
 * A sequence flow: an orthogonal path with an arrow, its outcome, condition or default marker
 * written on it, a problem badge, and a dashed line for a time-out boundary edge.
 */
function FlowEdge({ id, data, selected, markerEnd, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition }: EdgeProps<DesignFlowEdge>) {
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 8 });
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
