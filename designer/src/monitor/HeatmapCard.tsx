import type { WorkflowDefinition } from '@tongban/engine';
import { Card, Empty, Flex, Select, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { CaseDetail } from '../api/api.types.ts';
import { definitionRefKey } from '../api/reference-queries.ts';
import { ProcessDiagram } from '../design/ProcessDiagram.tsx';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import type { HandledTask } from './handled-tasks.ts';
import { monitorMessages } from './monitor.messages.ts';
import { nodeHeat } from './node-heat.ts';

/**
 * The heatmap on the process diagram: for one workflow version (the one with most open tasks
 * unless the manager picks another), each node's open tasks, overdue tasks and average time taken.
 */
export function HeatmapCard({
  details,
  handled,
  definitions,
  workflowName,
}: {
  details: CaseDetail[];
  handled: HandledTask[];
  definitions: ReadonlyMap<string, WorkflowDefinition>;
  workflowName(key: string): string;
}) {
  const t = useMessages(monitorMessages);
  const versions = useMemo(() => {
    const open = new Map<string, { key: string; version: number; open: number }>();
    for (const detail of details) {
      const ref = { key: detail.case.definitionKey, version: detail.case.definitionVersion };
      const entry = open.get(definitionRefKey(ref)) ?? { ...ref, open: 0 };
      entry.open += detail.tasks.filter((task) => task.status === 'open' || task.status === 'claimed').length;
      open.set(definitionRefKey(ref), entry);
    }
    return [...open.values()].sort((a, b) => b.open - a.open || a.key.localeCompare(b.key) || b.version - a.version);
  }, [details]);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const selected = versions.find((entry) => definitionRefKey(entry) === chosen) ?? versions[0];
  const definition = selected === undefined ? undefined : definitions.get(definitionRefKey(selected));
  const heat = useMemo(
    () => (selected === undefined ? {} : nodeHeat(details, handled, selected.key, selected.version)),
    [details, handled, selected],
  );
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
              style={{ minWidth: 240 }}
              value={selected === undefined ? undefined : definitionRefKey(selected)}
              onChange={setChosen}
              options={versions.map((entry) => ({
                value: definitionRefKey(entry),
                label: `${workflowName(entry.key)} · ${t.version(entry.version)}`,
              }))}
              data-testid="heat-workflow"
            />
          </Flex>
        )
      }
      styles={{ body: { padding: 0 } }}
      data-testid="heatmap"
    >
      {selected === undefined ? (
        <Empty style={{ padding: 32 }} description={t.heatEmpty} />
      ) : definition === undefined ? (
        <Skeleton active style={{ padding: 16 }} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 12px 0' }}>
            {t.heatHint}
          </Typography.Paragraph>
          <ProcessDiagram definition={definition} heat={heat} height={420} />
        </>
      )}
    </Card>
  );
}
