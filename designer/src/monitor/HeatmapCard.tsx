import { Card, Empty, Flex, Select, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { DefinitionSummary } from '../api/api.types.ts';
import { useNodeHeat, useNodeHeats } from '../api/monitor-queries.ts';
import { definitionRefKey, useDefinitionVersion, type DefinitionRef } from '../api/reference-queries.ts';
import { ProcessDiagram } from '../design/ProcessDiagram.tsx';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { busiestVersion } from './busiest-version.ts';
import { diagramHeat } from './diagram-heat.ts';
import { monitorMessages } from './monitor.messages.ts';

/**
 * The heatmap on the process diagram: for one workflow version, each node's open and overdue
 * tasks and mean handling time over the caller's scope (`GET /monitor/heat`). It opens on the
 * version with the most open tasks in scope (on a tie, or when nothing is open, the latest
 * version of `preferredKey`, the workflow of the most urgent listed task); the manager may pick
 * any published version. Clicking a node opens the overdue and at-risk lists of its tasks.
 */
export function HeatmapCard({
  definitions,
  preferredKey,
  workflowName,
  onOpenNode,
}: {
  definitions: DefinitionSummary[];
  preferredKey: string | undefined;
  workflowName(key: string): string;
  /** A node was clicked: open the lists of its tasks. */
  onOpenNode?(definitionKey: string, nodeId: string): void;
}) {
  const t = useMessages(monitorMessages);
  const versions = useMemo(
    () => definitions.flatMap((definition) => definition.versions.map((version): DefinitionRef => ({ key: definition.key, version }))),
    [definitions],
  );
  const heats = useNodeHeats(versions);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const opening = busiestVersion(versions, heats, definitions, preferredKey);
  const chosen = picked ?? (opening === null ? undefined : definitionRefKey(opening));
  const selected = versions.find((ref) => definitionRefKey(ref) === chosen);
  const heat = useNodeHeat(selected);
  const version = useDefinitionVersion(selected?.key, selected?.version);
  const nodes = heat.data?.nodes;
  const figures = useMemo(() => (nodes === undefined ? undefined : diagramHeat(nodes)), [nodes]);

  let body;
  if (selected === undefined && versions.length > 0 && opening === null) body = <Skeleton active style={{ padding: 16 }} />;
  else if (selected === undefined) body = <Empty style={{ padding: 32 }} description={t.heatEmpty} />;
  else if (heat.isError) body = <ErrorAlert error={heat.error} style={{ margin: 12 }} />;
  else if (version.data === undefined || figures === undefined) body = <Skeleton active style={{ padding: 16 }} />;
  else {
    body = (
      <>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 12px 0' }}>
          {Object.keys(figures).length === 0 ? t.heatEmpty : t.heatHint}
        </Typography.Paragraph>
        <ProcessDiagram
          definition={version.data.definition}
          heat={figures}
          height={420}
          {...(onOpenNode === undefined || selected === undefined ? {} : { onNodeClick: (nodeId: string) => onOpenNode(selected.key, nodeId) })}
        />
      </>
    );
  }
  return (
    <Card
      title={t.heat}
      size="small"
      extra={
        versions.length > 0 && (
          <Flex align="center" gap={8}>
            <Typography.Text type="secondary">{t.heatWorkflow}</Typography.Text>
            <Select
              size="small"
              style={{ minWidth: 260 }}
              value={chosen}
              onChange={setPicked}
              showSearch={{ optionFilterProp: 'label' }}
              options={versions.map((ref) => ({ value: definitionRefKey(ref), label: `${workflowName(ref.key)} · ${t.version(ref.version)}` }))}
              data-testid="heat-workflow"
            />
          </Flex>
        )
      }
      styles={{ body: { padding: 0 } }}
      data-testid="heatmap"
    >
      {body}
    </Card>
  );
}
