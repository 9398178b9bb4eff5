import type { WorkflowDefinition } from '@tongban/engine';
import { Flex, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useMessages } from '../../i18n/index.ts';
import { DiagramView } from '../canvas/DiagramView.tsx';
import { designMessages } from '../messages.ts';
import { diffDecorations } from '../model/decorate.ts';
import { diffDefinitions, type DiffStatus } from '../model/diff-definitions.ts';
import { unionDefinition } from '../model/union-definition.ts';

const statusColors: Record<Exclude<DiffStatus, 'unchanged'>, { tag: string; swatch: string }> = {
  added: { tag: 'green', swatch: '#ecf7ee' },
  removed: { tag: 'red', swatch: '#fdeeee' },
  changed: { tag: 'gold', swatch: '#fff6e0' },
};

/**
 * Two versions drawn as one diagram: nodes and edges added (green), removed (red, dashed) and
 * changed (amber), with the list of what changed and the settings that differ.
 */
export function VersionDiffView({ before, after, height = 420 }: { before: WorkflowDefinition; after: WorkflowDefinition; height?: number }) {
  const t = useMessages(designMessages);
  const diff = useMemo(() => diffDefinitions(before, after), [before, after]);
  const union = useMemo(() => unionDefinition(before, after), [before, after]);
  const decorations = useMemo(() => diffDecorations(diff), [diff]);
  const names = new Map(union.nodes.map((node) => [node.id, node.name]));
  const byStatus = (status: DiffStatus) => Object.entries(diff.nodes).filter(([, s]) => s === status).map(([id]) => id);
  const changedEdges = Object.values(diff.edges).filter((status) => status !== 'unchanged').length;
  const nothing = changedEdges === 0 && diff.settings.length === 0 && Object.values(diff.nodes).every((s) => s === 'unchanged');
  const legend = (
    <>
      {(['added', 'removed', 'changed'] as const).map((status) => (
        <span key={status}>
          <span className="tb-legend-swatch" style={{ background: statusColors[status].swatch }} />
          {t.diff[status]}
        </span>
      ))}
    </>
  );
  return (
    <Flex vertical gap={8} data-testid="version-diff">
      <DiagramView
        definition={union}
        nodeDecorations={decorations.nodes}
        edgeDecorations={decorations.edges}
        height={height}
        legend={legend}
        testId="version-diff-diagram"
      />
      {nothing && <Typography.Text type="secondary">{t.history.noChanges}</Typography.Text>}
      {diff.settings.length > 0 && <Typography.Text>{t.history.settingsChanged(diff.settings.join(', '))}</Typography.Text>}
      <Flex gap={4} wrap>
        {(['added', 'removed', 'changed'] as const).flatMap((status) =>
          byStatus(status).map((id) => (
            <Tag key={`${status}-${id}`} color={statusColors[status].tag} data-testid={`diff-${status}-${id}`}>
              {t.diff[status]}: {names.get(id) ?? id}
            </Tag>
          )),
        )}
      </Flex>
    </Flex>
  );
}
