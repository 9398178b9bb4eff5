import type { WorkflowDefinition } from '@tongban/engine';
import { memo, useMemo } from 'react';
import { useMessages } from '../i18n/index.ts';
import { DiagramView } from './canvas/DiagramView.tsx';
import { designMessages } from './messages.ts';
import type { NodeDecoration } from './model/flow-types.ts';
import { heatColor, heatGradient } from './model/heat-color.ts';

/** Load and SLA figures of one node, as the monitor reports them. */
export interface NodeHeat {
  /** Open tasks on the node. */
  active: number;
  /** Average time tasks of the node took, in hours; `null` when none finished. */
  avgDurationHours: number | null;
  /** Open tasks past their statutory limit. */
  overdue: number;
}

/** Props of {@link ProcessDiagram}. */
export interface ProcessDiagramProps {
  definition: WorkflowDefinition;
  /** Nodes the case currently sits on: drawn highlighted. */
  activeNodeIds?: string[];
  /** Per-node load, by node id: nodes are coloured by their open tasks, with a legend. */
  heat?: Record<string, NodeHeat>;
  /** Height in CSS pixels (default 360). */
  height?: number;
  /** A node was clicked (the monitor opens its tasks). */
  onNodeClick?(nodeId: string): void;
  /** What the highlighted nodes are, in the legend (default: where the case is). */
  activeLabel?: string;
}

const noActive: string[] = [];

/**
 * A read-only drawing of a workflow definition for the Tasks and Monitor screens: the case's
 * active nodes highlighted, nodes coloured by load when `heat` is given, with a legend.
 */
export const ProcessDiagram = memo(function ProcessDiagram({
  definition,
  activeNodeIds = noActive,
  heat,
  height = 360,
  onNodeClick,
  activeLabel,
}: ProcessDiagramProps) {
  const t = useMessages(designMessages);
  const nodeDecorations = useMemo(() => {
    const active = new Set(activeNodeIds);
    const max = heat === undefined ? 0 : Math.max(0, ...Object.values(heat).map((h) => h.active));
    const decorations: Record<string, NodeDecoration> = {};
    for (const node of definition.nodes) {
      const decoration: NodeDecoration = {};
      if (active.has(node.id)) decoration.active = true;
      const figures = heat?.[node.id];
      if (figures !== undefined) decoration.heat = { ...figures, color: heatColor(figures.active, max) };
      if (decoration.active !== undefined || decoration.heat !== undefined) decorations[node.id] = decoration;
    }
    return decorations;
  }, [definition, activeNodeIds, heat]);
  const max = heat === undefined ? 0 : Math.max(0, ...Object.values(heat).map((h) => h.active));
  const legend =
    heat === undefined && activeNodeIds.length === 0 ? undefined : (
      <>
        {activeNodeIds.length > 0 && (
          <span data-testid="legend-active">
            <span className="tb-legend-swatch" style={{ background: '#e6f0ff', borderColor: '#1677ff' }} />
            {activeLabel ?? t.legend.active}
          </span>
        )}
        {heat !== undefined && (
          <span data-testid="legend-heat">
            {t.legend.heat} ({t.legend.activeTasks}): 0
            {max > 0 && (
              <>
                <span className="tb-heat-scale" style={{ background: heatGradient }} />
                {max}
              </>
            )}
          </span>
        )}
      </>
    );
  return (
    <DiagramView
      definition={definition}
      nodeDecorations={nodeDecorations}
      height={height}
      legend={legend}
      testId="process-diagram"
      {...(onNodeClick === undefined ? {} : { onNodeClick })}
    />
  );
});
