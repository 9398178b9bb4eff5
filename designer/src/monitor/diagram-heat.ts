import type { NodeFigures } from '../api/api.types.ts';
import type { NodeHeat } from '../design/ProcessDiagram.tsx';

/**
 * The API's per-node figures as the process diagram's heat: open and overdue tasks, and the mean
 * handling time in (working) hours. Pure.
 */
export function diagramHeat(nodes: Readonly<Record<string, NodeFigures>>): Record<string, NodeHeat> {
  return Object.fromEntries(
    Object.entries(nodes).map(([nodeId, figures]) => [
      nodeId,
      {
        active: figures.active,
        overdue: figures.overdue,
        avgDurationHours: figures.avgDurationMinutes === null ? null : figures.avgDurationMinutes / 60,
      },
    ]),
  );
}
