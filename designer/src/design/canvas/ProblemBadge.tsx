import { memo } from 'react';
import type { ProblemMark } from '../model/flow-types.ts';

/** The red (error) or orange (warning) badge with the number of problems of a node or an edge. */
export const ProblemBadge = memo(function ProblemBadge({ problem, ownerId }: { problem: ProblemMark | undefined; ownerId: string }) {
  if (problem === undefined) return null;
  return (
    <span
      className={`tb-problem-badge tb-problem-${problem.severity}`}
      data-testid={`problem-badge-${ownerId}`}
      data-severity={problem.severity}
    >
      {problem.count}
    </span>
  );
});
